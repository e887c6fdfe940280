package data

import "strings"

// NameKey is how area and unit names are matched: case and surrounding or
// repeated spaces do not make a new area ("Barn och unga " is "barn och unga").
func NameKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// CleanName trims and collapses spaces in a name as it will be shown.
func CleanName(name string) string {
	return strings.Join(strings.Fields(name), " ")
}
