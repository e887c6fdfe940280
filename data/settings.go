package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
)

// SettingDef is a tunable with its data/gaps/RULES.md default. Values are stored as
// text; Kind says how to read and validate them.
type SettingDef struct {
	Key     string
	Default string
	Kind    SettingKind
}

// SettingKind is the type of a setting's value.
type SettingKind string

const (
	KindNumber   SettingKind = "number"   // a non-negative decimal number
	KindInt      SettingKind = "int"      // a positive whole number
	KindSeverity SettingKind = "severity" // lag, medel, hog
)

// Setting keys: the gap thresholds of data/gaps/RULES.md, named after their rule.
const (
	SettingRecentMonths         = "recent_months"
	SettingShortfallMinSeverity = "green_with_shortfall.min_severity"
	SettingYellowBandPct        = "status_contradiction.yellow_band_pct"
	SettingDeviationPct         = "unexplained_deviation.pct"
	SettingDeviationMinTkr      = "unexplained_deviation.min_tkr"
	SettingVacancyStaffPct      = "balance_by_vacancy.personal_pct"
	SettingVacancyPosts         = "balance_by_vacancy.vacancies_above"
	SettingVacancyTurnoverPct   = "balance_by_vacancy.turnover_pct"
	SettingVacancySickLeavePct  = "balance_by_vacancy.sick_leave_pct"
	SettingSurgePct             = "placement_surge.pct"
	SettingSurgeMin             = "placement_surge.min"
	// SettingNoticeDays is how many days before a meeting the kallelse
	// must go out at the latest.
	SettingNoticeDays = "meeting.notice_days"
	// SettingMaxSessions bounds the boards beredning serve keeps open at once.
	SettingMaxSessions = "serve.max_sessions"
)

// SettingDefs lists every setting with its default, in display order.
var SettingDefs = []SettingDef{
	{SettingRecentMonths, "3", KindInt},
	{SettingShortfallMinSeverity, "medel", KindSeverity},
	{SettingYellowBandPct, "10", KindNumber},
	{SettingDeviationPct, "3", KindNumber},
	{SettingDeviationMinTkr, "300", KindNumber},
	{SettingVacancyStaffPct, "3", KindNumber},
	{SettingVacancyPosts, "0", KindNumber},
	{SettingVacancyTurnoverPct, "20", KindNumber},
	{SettingVacancySickLeavePct, "8", KindNumber},
	{SettingSurgePct, "15", KindNumber},
	{SettingSurgeMin, "3", KindNumber},
	{SettingNoticeDays, "5", KindInt},
	{SettingMaxSessions, "50", KindInt},
}

// SettingDefFor finds a setting's definition.
func SettingDefFor(key string) (SettingDef, bool) {
	for _, d := range SettingDefs {
		if d.Key == key {
			return d, true
		}
	}
	return SettingDef{}, false
}

// ErrUnknownSetting is returned for a key that is not in SettingDefs.
var ErrUnknownSetting = errors.New("unknown setting")

// InvalidSettingError says a value does not fit its setting's kind.
type InvalidSettingError struct {
	Key, Value string
	Kind       SettingKind
}

func (e *InvalidSettingError) Error() string {
	return fmt.Sprintf("setting %s: %q is not a valid %s", e.Key, e.Value, e.Kind)
}

// Validate checks a value against the setting's kind.
func (d SettingDef) Validate(v string) error {
	bad := &InvalidSettingError{Key: d.Key, Value: v, Kind: d.Kind}
	switch d.Kind {
	case KindInt:
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return bad
		}
	case KindNumber:
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0 {
			return bad
		}
	case KindSeverity:
		if Severity(v).Rank() == 0 {
			return bad
		}
	default:
		if ok := extraValidators[d.Kind]; ok == nil || !ok(v) {
			return bad
		}
	}
	return nil
}

// extraValidators check the kinds other files add (settings_kolada.go).
var extraValidators = map[SettingKind]func(string) bool{}

// Settings is every setting's current value.
type Settings map[string]string

// Float reads a numeric setting; a broken value falls back to the default.
func (s Settings) Float(key string) float64 {
	if f, err := strconv.ParseFloat(s[key], 64); err == nil {
		return f
	}
	d, _ := SettingDefFor(key)
	f, _ := strconv.ParseFloat(d.Default, 64)
	return f
}

// Int reads a whole-number setting.
func (s Settings) Int(key string) int { return int(s.Float(key)) }

// Severity reads a severity setting.
func (s Settings) Severity(key string) Severity {
	if v := Severity(s[key]); v.Rank() > 0 {
		return v
	}
	d, _ := SettingDefFor(key)
	return Severity(d.Default)
}

// SettingRow is a setting as listed to users.
type SettingRow struct {
	SettingDef
	Value string
}

// Settings returns every known setting's value.
func (s *Store) Settings(ctx context.Context) (Settings, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT key, value FROM setting`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := Settings{}
	for _, d := range SettingDefs {
		out[d.Key] = d.Default
	}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, rows.Err()
}

// SettingRows lists the settings with their defaults, in display order.
func (s *Store) SettingRows(ctx context.Context) ([]SettingRow, error) {
	cur, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]SettingRow, 0, len(SettingDefs))
	for _, d := range SettingDefs {
		out = append(out, SettingRow{SettingDef: d, Value: cur[d.Key]})
	}
	return out, nil
}

// SetSetting changes a setting after validating it.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	d, ok := SettingDefFor(key)
	if !ok {
		return fmt.Errorf("%w: %s", ErrUnknownSetting, key)
	}
	if err := d.Validate(value); err != nil {
		return err
	}
	// Through write, so a change made during an import waits for it.
	return s.write(ctx, settingAction(key), func(tx *Tx) error {
		_, err := tx.SQL().ExecContext(ctx, `INSERT INTO setting(key, value, default_value) VALUES (?, ?, ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value, d.Default)
		return err
	})
}

// ResetSetting restores a setting's default.
func (s *Store) ResetSetting(ctx context.Context, key string) error {
	d, ok := SettingDefFor(key)
	if !ok {
		return fmt.Errorf("%w: %s", ErrUnknownSetting, key)
	}
	return s.SetSetting(ctx, key, d.Default)
}

// settingAction is what changing a setting counts as: the gap rules'
// thresholds are the controller's (and the admin's), the rest the admin's.
func settingAction(key string) Action {
	if key == SettingNoticeDays || key == SettingMaxSessions {
		return ActSettings
	}
	return ActGapSettings
}

func seedSettings(ctx context.Context, tx *sql.Tx) error {
	for _, d := range SettingDefs {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO setting(key, value, default_value) VALUES (?, ?, ?)`,
			d.Key, d.Default, d.Default); err != nil {
			return err
		}
	}
	return nil
}
