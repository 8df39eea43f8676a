// The case study: a filter called on every request. FilterAlloc builds
// its result in a new slice on each call; FilterInPlace reuses the list.
package casestudy

type targetList []any

func (list targetList) FilterAlloc(match func(any) bool) targetList {
	filtered := make(targetList, 0, len(list)) // the bottleneck
	for _, e := range list {
		if match(e) {
			filtered = append(filtered, e)
		}
	}
	return filtered
}

func (list targetList) FilterInPlace(match func(any) bool) targetList {
	n := 0
	for _, e := range list {
		if match(e) {
			list[n] = e
			n++
		}
	}
	list = list[:n]
	return list
}
