package kolada

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// DefaultBaseURL is Kolada's public API.
const DefaultBaseURL = "https://api.kolada.se/v3"

// Client asks the Kolada API v3 for key figures.
type Client struct {
	BaseURL string        // DefaultBaseURL unless testing
	HTTP    *http.Client  // with a timeout; NewClient sets one
	Retries int           // further attempts after a timeout, a 5xx or a 429
	Backoff time.Duration // the wait before the first retry, doubled each time
	PerPage int           // values per page (Kolada allows up to 5 000)
	// KPIsPerRequest keeps URLs short and answers small.
	KPIsPerRequest int
	// Progress, when set, hears about every page fetched.
	Progress func(url string)
	// SaveDir, when set, keeps every answer as a JSON file there
	// (kolada-001.json, …), which kolada import reads again offline.
	SaveDir string
	saved   int
}

// NewClient is a client for the public API with sensible limits.
func NewClient() *Client {
	return &Client{BaseURL: DefaultBaseURL, HTTP: &http.Client{Timeout: 60 * time.Second},
		Retries: 3, Backoff: 2 * time.Second, PerPage: 5000, KPIsPerRequest: 5}
}

// FetchError says why the API could not answer, in words a user reads.
type FetchError struct {
	Kind   string // "offline", "timeout", "status", "answer", "save"
	URL    string
	Status int
	Detail string
}

func (e *FetchError) Error() string {
	return fmt.Sprintf("kolada fetch %s: %s %d %s", e.URL, e.Kind, e.Status, e.Detail)
}

// Message is the error in the user's language.
func (e *FetchError) Message(l lang.Lang) string {
	switch e.Kind {
	case "offline":
		return l.T("kolada.fetch.offline", hostOf(e.URL))
	case "timeout":
		return l.T("kolada.fetch.timeout", hostOf(e.URL))
	case "status":
		return l.T("kolada.fetch.status", e.Status, printable(e.URL))
	case "save":
		return l.T("kolada.fetch.save", printable(e.URL))
	}
	return l.T("kolada.fetch.answer", printable(e.URL), printable(e.Detail))
}

func hostOf(u string) string {
	if p, err := url.Parse(u); err == nil && p.Host != "" {
		return p.Host
	}
	return u
}

// Request is what to fetch: every municipality's values (so ranks can be
// read), with the region, Riket and the comparison set among them.
type Request struct {
	KPIs  []string
	Years []int
}

// Fetch asks the API for the KPIs' catalogue entries and values and
// stores them like an import: one transaction, nothing on error.
func (c *Client) Fetch(ctx context.Context, s *data.Store, req Request, opts Options) (Report, error) {
	b := newBatch()
	hash := sha256.New()
	step := max(c.KPIsPerRequest, 1)
	for i := 0; i < len(req.KPIs); i += step {
		ids := strings.Join(req.KPIs[i:min(i+step, len(req.KPIs))], ",")
		if err := c.catalogue(ctx, b, hash, ids); err != nil {
			return Report{}, err
		}
		u := c.BaseURL + "/data/kpi/" + ids
		if len(req.Years) > 0 {
			ys := make([]string, len(req.Years))
			for j, y := range req.Years {
				ys[j] = fmt.Sprint(y)
			}
			u += "/year/" + strings.Join(ys, ",")
		}
		if err := c.pages(ctx, b, hash, u); err != nil {
			return Report{}, err
		}
	}
	return b.commit(ctx, s, c.BaseURL, hex.EncodeToString(hash.Sum(nil)), opts)
}

// catalogue fetches the KPIs' titles and descriptions. The API has
// answered both /kpi/ID,ID and /kpi?id=ID,ID; the second is tried when
// the first is not found, and without either the values are still
// stored, their KPIs untitled, with a warning.
func (c *Client) catalogue(ctx context.Context, b *batch, hash io.Writer, ids string) error {
	err := c.pages(ctx, b, hash, c.BaseURL+"/kpi/"+ids)
	var fe *FetchError
	if !errors.As(err, &fe) || fe.Kind != "status" || fe.Status != http.StatusNotFound {
		return err
	}
	err = c.pages(ctx, b, hash, c.BaseURL+"/kpi?id="+url.QueryEscape(ids))
	if errors.As(err, &fe) && fe.Kind == "status" && fe.Status == http.StatusNotFound {
		b.warn(Problem{File: c.BaseURL + "/kpi", Key: "kolada.warn.no_catalogue", Args: []any{ids}})
		return nil
	}
	return err
}

// pages reads an answer and every page after it.
func (c *Client) pages(ctx context.Context, b *batch, hash io.Writer, first string) error {
	next := withPerPage(first, c.PerPage)
	seen := map[string]bool{}
	for next != "" {
		if seen[next] {
			return &FetchError{Kind: "answer", URL: next, Detail: "next_page repeats a page"}
		}
		seen[next] = true
		body, err := c.get(ctx, next)
		if err != nil {
			return err
		}
		hash.Write(body)
		if err := c.save(body); err != nil {
			return err
		}
		page, err := parseAPIPage(body)
		if err != nil {
			return &FetchError{Kind: "answer", URL: next, Detail: err.Error()}
		}
		rep := b.readAPIPage(next, page)
		b.files = append(b.files, rep)
		if c.Progress != nil {
			c.Progress(next)
		}
		if page.NextPage == "" {
			break
		}
		// Follow only pages on the same server: an answer must not send
		// the program elsewhere.
		if !sameServer(first, page.NextPage) {
			return &FetchError{Kind: "answer", URL: next, Detail: "next_page points to another server"}
		}
		next = page.NextPage
	}
	return nil
}

// save writes an answer to SaveDir; a failure stops the fetch, since the
// user asked for the files.
func (c *Client) save(body []byte) error {
	if c.SaveDir == "" {
		return nil
	}
	c.saved++
	name := filepath.Join(c.SaveDir, fmt.Sprintf("kolada-%03d.json", c.saved))
	if err := os.WriteFile(name, body, 0o644); err != nil {
		return &FetchError{Kind: "save", URL: name, Detail: err.Error()}
	}
	return nil
}

func withPerPage(u string, n int) string {
	if n <= 0 {
		return u
	}
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	q := p.Query()
	q.Set("per_page", fmt.Sprint(n))
	p.RawQuery = q.Encode()
	return p.String()
}

func sameServer(a, b string) bool {
	pa, err1 := url.Parse(a)
	pb, err2 := url.Parse(b)
	return err1 == nil && err2 == nil && pa.Scheme == pb.Scheme && pa.Host == pb.Host
}

// get fetches one URL, retrying timeouts, 5xx and 429 with backoff.
func (c *Client) get(ctx context.Context, u string) ([]byte, error) {
	wait := c.Backoff
	var last error
	for attempt := 0; attempt <= c.Retries; attempt++ {
		if attempt > 0 {
			select {
			case <-ctx.Done():
				return nil, ctx.Err()
			case <-time.After(wait):
			}
			wait *= 2
		}
		body, retry, err := c.once(ctx, u)
		if err == nil {
			return body, nil
		}
		last = err
		if !retry {
			return nil, err
		}
		// A machine without a network stays so for a while: one more try
		// is enough before saying so.
		var fe *FetchError
		if errors.As(err, &fe) && fe.Kind == "offline" && attempt >= 1 {
			return nil, err
		}
	}
	return nil, last
}

func (c *Client) once(ctx context.Context, u string) (body []byte, retry bool, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, false, &FetchError{Kind: "answer", URL: u, Detail: err.Error()}
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "beredning")
	resp, err := c.HTTP.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, false, ctx.Err()
		}
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return nil, true, &FetchError{Kind: "timeout", URL: u}
		}
		// Refused connections, unknown hosts, no route: not online, or
		// Kolada is down; retrying soon rarely helps, once does no harm.
		return nil, true, &FetchError{Kind: "offline", URL: u, Detail: err.Error()}
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
		return nil, true, &FetchError{Kind: "status", URL: u, Status: resp.StatusCode}
	}
	if resp.StatusCode != http.StatusOK {
		return nil, false, &FetchError{Kind: "status", URL: u, Status: resp.StatusCode}
	}
	// An answer of 5 000 values is about a megabyte; far more is not Kolada.
	body, err = io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return nil, true, &FetchError{Kind: "timeout", URL: u}
		}
		return nil, true, &FetchError{Kind: "offline", URL: u, Detail: err.Error()}
	}
	return body, false, nil
}

func init() {
	lang.Register(map[string]lang.Text{
		"kolada.fetch.offline":     {"Kolada (%s) gick inte att nå. Är datorn ansluten till internet? Utan nät går det att läsa in sparade filer: beredning kolada import SÖKVÄG", "Kolada (%s) could not be reached. Is the computer online? Without a network, import saved files: beredning kolada import PATH"},
		"kolada.fetch.timeout":     {"Kolada (%s) svarade inte i tid, inte heller efter flera försök. Försök igen senare.", "Kolada (%s) did not answer in time, not after several attempts either. Try again later."},
		"kolada.fetch.status":      {"Kolada svarade med felkod %d för %s. Ingenting har sparats.", "Kolada answered with error %d for %s. Nothing was stored."},
		"kolada.warn.no_catalogue": {"Kolada gav inga titlar för %s; värdena sparas utan. Läs in nyckeltalskatalogen för att få dem.", "Kolada gave no titles for %s; the values are stored without. Import the KPI catalogue to get them."},
		"kolada.fetch.save":        {"Kunde inte spara svaret som %s. Ingenting har sparats i databasen.", "Could not save the answer as %s. Nothing was stored in the database."},
		"kolada.fetch.answer":      {"Svaret från %s gick inte att läsa (%s). Ingenting har sparats.", "The answer from %s could not be read (%s). Nothing was stored."},
	})
}
