package ingest

import (
	"errors"
	"strings"

	"github.com/beredning/beredning/data"
	"github.com/beredning/beredning/data/lang"
)

// An import is how a unit submits its report: every unit report whose
// rows it adds or changes is submitted (or resubmitted after a send-back)
// with an event in the audit trail. Approved reports are locked: an import
// that would change one is refused, naming the unit and the period,
// unless Options.Reopen gives the reason to reopen them.

func init() {
	lang.Register(map[string]lang.Text{
		"import.err.locked": {
			"rapporten för %s › %s %s är godkänd och låst; importen skulle ändra den. Kör med --reopen \"skäl\" för att öppna den igen",
			"the report of %s › %s for %s is approved and locked; the import would change it. Run with --reopen \"reason\" to reopen it"},
		"import.sum.reports": {"Enhetsrapporter: %d inlämnade, %d kompletterade, %d uppdaterade, %d öppnade igen",
			"Unit reports: %d submitted, %d resubmitted, %d updated, %d reopened"},
	})
}

// submitReports runs the review side of the import in its transaction.
func (imp *importer) submitReports(tx *data.Tx, files []*fileState) error {
	touched, err := tx.SubmitReports(imp.opts.User, imp.at, imp.opts.Reopen)
	var locked *data.LockedReportsError
	if errors.As(err, &locked) {
		var names []string
		for _, f := range files {
			names = append(names, f.display)
		}
		for _, r := range locked.Reports {
			imp.rep.Errors = append(imp.rep.Errors, Problem{File: strings.Join(names, ", "), Key: "import.err.locked",
				Args: []any{r.Area, r.Unit, r.Period.String()}})
		}
		return ErrRefused
	}
	imp.rep.Reports = touched
	return err
}

// reportCounts counts the reports an import submitted, resubmitted,
// updated and reopened.
func (r *Report) reportCounts() (submitted, resubmitted, updated, reopened int) {
	for _, t := range r.Reports {
		switch t.Status {
		case data.ReportWaiting:
			submitted++
		case data.ReportSentBack:
			resubmitted++
		case data.ReportApproved:
			reopened++
		default:
			updated++
		}
	}
	return
}
