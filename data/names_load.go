package data

// What an import matches names against: every area, unit and measure
// already in the database, read in the import's transaction.

// NamedArea is an area by name, with its target group.
type NamedArea struct {
	ID    int64
	Name  string
	Group TargetGroup
}

// NamedUnit is a unit by name.
type NamedUnit struct {
	ID, AreaID int64
	Name       string
}

// NamedMeasure is a measure by key, code and name; known measures first.
type NamedMeasure struct {
	ID              int64
	Key, Code, Name string
}

// Names reads the areas, units and measures in the database.
func (t *Tx) Names() (areas []NamedArea, units []NamedUnit, measures []NamedMeasure, err error) {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT id, name, ifnull(target_group, '') FROM area ORDER BY id`)
	if err != nil {
		return nil, nil, nil, err
	}
	for rows.Next() {
		var a NamedArea
		if err := rows.Scan(&a.ID, &a.Name, &a.Group); err != nil {
			rows.Close()
			return nil, nil, nil, err
		}
		areas = append(areas, a)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, nil, nil, err
	}
	rows, err = t.tx.QueryContext(t.ctx, `SELECT id, area_id, name FROM unit ORDER BY id`)
	if err != nil {
		return nil, nil, nil, err
	}
	for rows.Next() {
		var u NamedUnit
		if err := rows.Scan(&u.ID, &u.AreaID, &u.Name); err != nil {
			rows.Close()
			return nil, nil, nil, err
		}
		units = append(units, u)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, nil, nil, err
	}
	rows, err = t.tx.QueryContext(t.ctx, `SELECT id, key, ifnull(code, ''), name FROM measure ORDER BY known DESC, id`)
	if err != nil {
		return nil, nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var m NamedMeasure
		if err := rows.Scan(&m.ID, &m.Key, &m.Code, &m.Name); err != nil {
			return nil, nil, nil, err
		}
		measures = append(measures, m)
	}
	return areas, units, measures, rows.Err()
}
