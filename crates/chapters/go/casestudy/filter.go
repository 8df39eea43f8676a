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

// FilterInPlace overwrites the caller's list, and the values past n stay
// referenced: fit for a list the caller is done with, with clear(list[n:])
// where those values should become garbage.
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
