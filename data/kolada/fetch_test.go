package kolada_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/beredning/beredning/data/kolada"
	"github.com/beredning/beredning/data/lang"
)

// Recorded answers in the API v3 format; {{base}} is the server's URL.
const (
	recKPI = `{"count": 1, "next_page": null, "previous_page": null, "values": [
  {"id": "U33401", "title": "Utredningstid i antal dagar från påbörjad utredning till avslutad utredning inom barn och ungdom 0-20 år, medelvärde",
   "description": "Genomsnittligt antal dagar från att utredningen påbörjats av socialtjänsten till dess att utredningen avslutats.",
   "operating_area": "Individ- och familjeomsorg", "is_divided_by_gender": true, "municipality_type": "K"}]}`
	recData1 = `{"count": 3, "next_page": "{{base}}/data/kpi/U33401/year/2020?page=2&per_page=5000", "previous_page": null, "values": [
  {"kpi": "U33401", "municipality": "0127", "period": 2020, "values": [{"count": 1, "gender": "T", "status": "", "value": 145.0}]},
  {"kpi": "U33401", "municipality": "0180", "period": 2020, "values": [{"count": 1, "gender": "T", "status": "", "value": 121.0}]}]}`
	recData2 = `{"count": 3, "next_page": null, "previous_page": "{{base}}/data/kpi/U33401/year/2020?page=1&per_page=5000", "values": [
  {"kpi": "U33401", "municipality": "0000", "period": 2020, "values": [{"count": 1, "gender": "T", "status": "", "value": 110.0}]}]}`
)

// koladaServer serves the recorded answers; fail500 answers the first
// data request with 500, hang makes the first data request outlast the
// client's timeout.
func koladaServer(t *testing.T, fail500, hang bool) (*httptest.Server, *atomic.Int32) {
	var dataCalls atomic.Int32
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		base := srv.URL
		answer := func(s string) { w.Write([]byte(strings.ReplaceAll(s, "{{base}}", base))) }
		switch {
		case r.URL.Path == "/kpi/U33401":
			answer(recKPI)
		case r.URL.Path == "/data/kpi/U33401/year/2020":
			if r.URL.Query().Get("per_page") != "5000" {
				http.Error(w, "per_page missing", http.StatusBadRequest)
				return
			}
			n := dataCalls.Add(1)
			if fail500 && n == 1 {
				http.Error(w, "internal error", http.StatusInternalServerError)
				return
			}
			if hang && n == 1 {
				select { // outlast the client's timeout, but never the test
				case <-r.Context().Done():
				case <-time.After(5 * time.Second):
				}
				return
			}
			if r.URL.Query().Get("page") == "2" {
				answer(recData2)
				return
			}
			answer(recData1)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &dataCalls
}

func testClient(base string) *kolada.Client {
	c := kolada.NewClient()
	c.BaseURL = base
	c.HTTP = &http.Client{Timeout: 200 * time.Millisecond}
	c.Backoff = time.Millisecond
	c.Retries = 2
	return c
}

var fetchReq = kolada.Request{KPIs: []string{"U33401"}, Years: []int{2020}}

func TestFetchFollowsPages(t *testing.T) {
	srv, _ := koladaServer(t, false, false)
	s := newStore(t)
	rep, err := testClient(srv.URL).Fetch(context.Background(), s, fetchReq, kolada.Options{})
	if err != nil || rep.Refused() {
		t.Fatal(err, messages(rep))
	}
	if rep.New != 3 {
		t.Fatalf("%d new values, want 3 over two pages", rep.New)
	}
	wantValue(t, s, "U33401", "0127", 2020, 145)
	wantValue(t, s, "U33401", kolada.Riket, 2020, 110) // from page 2
	k, _ := kolada.KPIs(context.Background(), s, []string{"U33401"})
	if k["U33401"].Area != "Individ- och familjeomsorg" {
		t.Fatalf("catalogue entry not fetched: %+v", k["U33401"])
	}
}

func TestFetchRetriesAfterServerError(t *testing.T) {
	srv, calls := koladaServer(t, true, false)
	s := newStore(t)
	rep, err := testClient(srv.URL).Fetch(context.Background(), s, fetchReq, kolada.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != 3 || calls.Load() != 3 { // 500, page 1, page 2
		t.Fatalf("%d new after %d data calls", rep.New, calls.Load())
	}
}

func TestFetchTimeoutRetriedThenSucceeds(t *testing.T) {
	srv, calls := koladaServer(t, false, true)
	s := newStore(t)
	rep, err := testClient(srv.URL).Fetch(context.Background(), s, fetchReq, kolada.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != 3 || calls.Load() != 3 {
		t.Fatalf("%d new after %d data calls", rep.New, calls.Load())
	}
}

func TestFetchTimeoutEveryTimeSaysSo(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer srv.Close()
	s := newStore(t)
	_, err := testClient(srv.URL).Fetch(context.Background(), s, fetchReq, kolada.Options{})
	var fe *kolada.FetchError
	if !errors.As(err, &fe) || fe.Kind != "timeout" {
		t.Fatalf("err = %v, want a timeout", err)
	}
	if msg := fe.Message(lang.SV); !strings.Contains(msg, "svarade inte i tid") {
		t.Fatalf("message: %s", msg)
	}
	if n, _ := kolada.Count(context.Background(), s); n != 0 {
		t.Fatal("values stored after a failed fetch")
	}
}

func TestFetchOffline(t *testing.T) {
	srv, _ := koladaServer(t, false, false)
	base := srv.URL
	srv.Close() // nothing listens there any more
	s := newStore(t)
	_, err := testClient(base).Fetch(context.Background(), s, fetchReq, kolada.Options{})
	var fe *kolada.FetchError
	if !errors.As(err, &fe) || fe.Kind != "offline" {
		t.Fatalf("err = %v, want offline", err)
	}
	en := fe.Message(lang.EN)
	if !strings.Contains(en, "could not be reached") || !strings.Contains(en, "kolada import") {
		t.Fatalf("message: %s", en)
	}
}

func TestFetchClientErrorNotRetried(t *testing.T) {
	var mu sync.Mutex
	calls := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		calls[r.URL.String()]++
		mu.Unlock()
		http.NotFound(w, r)
	}))
	defer srv.Close()
	_, err := testClient(srv.URL).Fetch(context.Background(), newStore(t), fetchReq, kolada.Options{})
	var fe *kolada.FetchError
	if !errors.As(err, &fe) || fe.Status != 404 {
		t.Fatalf("err = %v, want a 404", err)
	}
	for u, n := range calls {
		if n != 1 {
			t.Errorf("%s asked %d times; a 404 is not retried", u, n)
		}
	}
}

func TestFetchRefusesPagesOnAnotherServer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"values": [], "next_page": "http://elsewhere.invalid/page2"}`))
	}))
	defer srv.Close()
	_, err := testClient(srv.URL).Fetch(context.Background(), newStore(t), fetchReq, kolada.Options{})
	var fe *kolada.FetchError
	if !errors.As(err, &fe) || fe.Kind != "answer" {
		t.Fatalf("err = %v, want the answer refused", err)
	}
}

// Saved answers import again offline, to the same values.
func TestFetchSavesAnswersForImport(t *testing.T) {
	srv, _ := koladaServer(t, false, false)
	dir := t.TempDir()
	c := testClient(srv.URL)
	c.SaveDir = dir
	if _, err := c.Fetch(context.Background(), newStore(t), fetchReq, kolada.Options{}); err != nil {
		t.Fatal(err)
	}
	s := newStore(t)
	rep := mustImport(t, s, kolada.Options{}, dir)
	if rep.New != 3 || len(rep.Files) != 3 { // the catalogue answer and two pages
		t.Fatalf("import of the saved answers: %d new from %d files", rep.New, len(rep.Files))
	}
	wantValue(t, s, "U33401", kolada.Riket, 2020, 110)
}

// The catalogue is asked for as /kpi?id= when /kpi/ID is not found, and
// values are stored even when neither answers.
func TestFetchCatalogueFallbacks(t *testing.T) {
	for _, queryForm := range []bool{true, false} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			switch {
			case r.URL.Path == "/kpi" && queryForm && r.URL.Query().Get("id") == "U33401":
				w.Write([]byte(recKPI))
			case r.URL.Path == "/data/kpi/U33401/year/2020":
				w.Write([]byte(recData2))
			default:
				http.NotFound(w, r)
			}
		}))
		s := newStore(t)
		rep, err := testClient(srv.URL).Fetch(context.Background(), s, fetchReq, kolada.Options{})
		srv.Close()
		if err != nil || rep.Refused() || rep.New != 1 {
			t.Fatalf("query form %v: %v %+v", queryForm, err, rep)
		}
		k, _ := kolada.KPIs(context.Background(), s, []string{"U33401"})
		if got := k["U33401"].Title != ""; got != queryForm {
			t.Fatalf("query form %v: title %q", queryForm, k["U33401"].Title)
		}
		if !queryForm && !strings.Contains(messages(rep), "no titles for U33401") {
			t.Fatalf("no warning: %s", messages(rep))
		}
	}
}
