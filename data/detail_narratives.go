package data

import "context"

// NarrativesBetween is every narrative of every scope from one month
// through another, newest first, as Detail lists a scope's: for a search
// across the board that does not load every scope's detail.
func (s *Store) NarrativesBetween(ctx context.Context, from, to Period) ([]NarrativeItem, error) {
	return s.narratives(ctx, Scope{}, from, to)
}

func (s *Store) narratives(ctx context.Context, sc Scope, from, to Period) ([]NarrativeItem, error) {
	// a unit sees its own narratives and those about its area as a whole
	cond := `n.area_id = ?`
	args := []any{sc.AreaID}
	switch {
	case sc.AreaID == 0: // every scope
		cond, args = `1`, nil
	case sc.IsAreaWide():
		cond = `n.area_id = ? AND n.unit_id IS NULL`
	case !sc.IsArea():
		cond = `n.area_id = ? AND (n.unit_id = ? OR n.unit_id IS NULL)`
		args = append(args, sc.UnitID)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT n.id, n.area_id, ifnull(n.unit_id, 0), n.period, n.type, n.severity,
			n.title, n.body, n.author, n.about, ifnull(u.name, '')
		FROM narrative n LEFT JOIN unit u ON u.id = n.unit_id
		WHERE `+cond+` AND n.period BETWEEN ? AND ?
		ORDER BY n.period DESC, CASE n.severity WHEN 'hog' THEN 0 WHEN 'medel' THEN 1 ELSE 2 END, n.id DESC`,
		append(args, from, to)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []NarrativeItem
	for rows.Next() {
		var n NarrativeItem
		if err := rows.Scan(&n.ID, &n.AreaID, &n.UnitID, &n.Period, &n.Type, &n.Severity, &n.Title, &n.Text,
			&n.Author, &n.About, &n.UnitName); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}
