//go:build !unix

package data

import "os"

// writable tells whether the user may write the database: opening it for
// writing changes nothing in it.
func writable(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	f.Close()
	return true
}
