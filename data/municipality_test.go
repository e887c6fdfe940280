package data_test

import (
	"context"
	"errors"
	"testing"

	"github.com/beredning/beredning/data"
)

func TestCheckKommunkod(t *testing.T) {
	for code, ok := range map[string]bool{
		"0127": true, "0180": true, "0980": true, "2584": true, "1280": true,
		"0000": false, "0001": false, "0100": false, "0227": false, "1180": false, "2601": false,
		"127": false, "01277": false, "01a7": false, " 127": false, "": false,
	} {
		if err := data.CheckKommunkod(code); (err == nil) != ok {
			t.Errorf("CheckKommunkod(%q) = %v, want ok %v", code, err, ok)
		}
	}
}

func TestSetMunicipality(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	m, err := s.Municipality(ctx)
	if err != nil || m.Name != "" || m.Kommunkod != "" || m.Committee != data.DefaultCommittee {
		t.Fatalf("a new database: %+v %v", m, err)
	}
	if err := s.SetMunicipality(ctx, func(m *data.Municipality) { m.Name, m.Kommunkod = "Botkyrka kommun", "0127" }); err != nil {
		t.Fatal(err)
	}
	if err := s.SetMunicipality(ctx, func(m *data.Municipality) { m.Committee = "Omsorgsnämnden" }); err != nil {
		t.Fatal(err)
	}
	if err := s.SetMunicipality(ctx, func(m *data.Municipality) { m.Kommunkod = "9999" }); !errors.Is(err, data.ErrKommunkod) {
		t.Errorf("9999 accepted: %v", err)
	}
	m, err = s.Municipality(ctx)
	if err != nil || m != (data.Municipality{Name: "Botkyrka kommun", Committee: "Omsorgsnämnden", Kommunkod: "0127"}) {
		t.Errorf("after setting: %+v %v", m, err)
	}
	// The schema refuses a bad code even from other writers.
	if _, err := s.DB().ExecContext(ctx, `UPDATE municipality SET kommunkod = '12'`); err == nil {
		t.Error("the schema took a two-digit kommunkod")
	}
}
