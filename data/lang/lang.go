// Package lang is beredning's one mechanism for what a user reads: a
// catalogue of Swedish and English texts looked up by key, and the Swedish
// formatting of amounts, numbers, periods and dates. The language is chosen
// once at start (--lang, else LANG) and passed down as a Lang value.
package lang

import (
	"fmt"
	"os"
	"strings"
	"sync"
)

// Lang is the language of what a user reads.
type Lang int

const (
	SV Lang = iota // Swedish, the default
	EN
)

// Code is the language's ISO 639-1 code.
func (l Lang) Code() string {
	if l == EN {
		return "en"
	}
	return "sv"
}

// Parse reads "sv", "en", "swedish", "svenska", "english", or a locale
// such as "en_GB.UTF-8".
func Parse(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "sv" || strings.HasPrefix(s, "sv_") || strings.HasPrefix(s, "sv-") || s == "svenska" || s == "swedish":
		return SV, true
	case s == "en" || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en-") || s == "english" || s == "engelska":
		return EN, true
	}
	return SV, false
}

// Supported names the languages Parse knows, for an error message:
// "sv (svenska), en (English)".
func Supported() string { return "sv (svenska), en (English)" }

// FromEnv picks the language: the flag value when given, else the first of
// LC_ALL, LC_MESSAGES and LANG that is set; English only when that names
// English, Swedish otherwise.
func FromEnv(flag string) Lang {
	if flag != "" {
		l, _ := Parse(flag)
		return l
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(name); v != "" {
			if l, ok := Parse(v); ok {
				return l
			}
			return SV
		}
	}
	return SV
}

// Text is one message: Swedish first, English second; either may hold fmt verbs.
type Text [2]string

var (
	mu        sync.RWMutex
	catalogue = map[string]Text{}
)

// Register adds a package's messages to the catalogue. Packages call it
// from init with their own keys, prefixed by the package's idea
// ("import.", "gaps.", "board."); a key registered twice is a bug.
func Register(texts map[string]Text) {
	mu.Lock()
	defer mu.Unlock()
	for k, t := range texts {
		if _, dup := catalogue[k]; dup {
			panic("lang: message registered twice: " + k)
		}
		if t[0] == "" || t[1] == "" {
			panic("lang: message without both languages: " + k)
		}
		catalogue[k] = t
	}
}

// T looks a message up and formats it with args. An unknown key returns
// the key itself, so a missing text shows as a visible bug, not a blank.
func (l Lang) T(key string, args ...any) string {
	mu.RLock()
	t, ok := catalogue[key]
	mu.RUnlock()
	if !ok {
		if len(args) > 0 {
			return key + fmt.Sprint(args...)
		}
		return key
	}
	s := t[l]
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// Has tells whether a key is in the catalogue (for tests).
func Has(key string) bool {
	mu.RLock()
	defer mu.RUnlock()
	_, ok := catalogue[key]
	return ok
}

// Keys lists the catalogue's keys (for tests that check coverage).
func Keys() []string {
	mu.RLock()
	defer mu.RUnlock()
	out := make([]string, 0, len(catalogue))
	for k := range catalogue {
		out = append(out, k)
	}
	return out
}
