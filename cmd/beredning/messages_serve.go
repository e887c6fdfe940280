package main

import "github.com/beredning/beredning/data/lang"

func init() {
	lang.Register(map[string]lang.Text{
		"cli.serve.summary": {"kör beredning som SSH-server: kollegorna ansluter med ssh, var och en i sin roll", "run beredning as an SSH server: colleagues connect with ssh, each in their role"},
		"cli.serve.usage": {"Användning: beredning serve [--db FIL] [--addr :2222] [--users FIL] [--import-dir MAPP] [--idle 30m] [--demo]\nBara nycklar i användarfilen släpps in (beredning users). Värdnyckeln skapas bredvid databasen.",
			"Usage: beredning serve [--db FILE] [--addr :2222] [--users FILE] [--import-dir DIR] [--idle 30m] [--demo]\nOnly keys in the users file are let in (beredning users). The host key is made beside the database."},
		"cli.serve.flag.addr":       {"adress och port att lyssna på", "address and port to listen on"},
		"cli.serve.flag.users":      {"användarfilen (standard: users.toml bredvid databasen)", "the users file (default: users.toml beside the database)"},
		"cli.serve.flag.import_dir": {"mappen som tavlans import får läsa (utan den: ingen import via tavlan)", "the folder the board's import may read (without it: no import through the board)"},
		"cli.serve.flag.idle":       {"stäng en anslutning som varit tyst så länge", "close a connection that has been quiet this long"},
		"cli.serve.flag.demo":       {"prova: demokommunen, och dina egna nycklar i ~/.ssh som administratör", "try it: the demo municipality, with your own keys in ~/.ssh as administrator"},
		"cli.serve.started":         {"beredning serve lyssnar på %s\n  databas:      %s\n  användarfil:  %s (%d personer)", "beredning serve is listening on %s\n  database:   %s\n  users file: %s (%d people)"},
		"cli.serve.fingerprint":     {"  värdnyckel:   %s (jämför när du ansluter första gången)", "  host key:   %s (compare when you first connect)"},
		"cli.serve.connect":         {"Anslut med: ssh -p %d VÄRD", "Connect with: ssh -p %d HOST"},
		"cli.serve.stopping":        {"Stänger: %d öppna sessioner får besked.", "Shutting down: %d open sessions are told."},
		"cli.serve.failed":          {"servern kunde inte köras: %s", "the server could not run: %s"},
		"cli.serve.listen":          {"kan inte lyssna på %s: %s", "cannot listen on %s: %s"},
		"cli.serve.hostkey_mode":    {"Gör värdnyckeln läsbar bara för dig: chmod 600 %s", "Make the host key readable only by you: chmod 600 %s"},
		"cli.serve.bad_import_dir":  {"importmappen %s finns inte eller är ingen mapp", "the import folder %s does not exist or is not a folder"},
		"cli.serve.users_bad":       {"användarfilen %s ändrades men kan inte läsas (%s); den förra listan gäller", "the users file %s changed but cannot be read (%s); the previous list holds"},
		"cli.serve.users_reloaded":  {"användarfilen %s lästes om: %d personer", "the users file %s was read again: %d people"},
		"cli.serve.demo_no_keys":    {"Inga publika nycklar i ~/.ssh: skapa en med ssh-keygen -t ed25519, eller lägg till en med beredning users add.", "No public keys in ~/.ssh: make one with ssh-keygen -t ed25519, or add one with beredning users add."},

		"cli.users.summary": {"vem som får ansluta till beredning serve: nycklar, namn och roller", "who may connect to beredning serve: keys, names and roles"},
		"cli.users.usage": {"Användning: beredning users [--users FIL] [list | add INLOGG --role ROLL (--key FIL | --key-text \"ssh-ed25519 …\") [--name NAMN] | remove INLOGG]",
			"Usage: beredning users [--users FILE] [list | add LOGIN --role ROLE (--key FILE | --key-text \"ssh-ed25519 …\") [--name NAME] | remove LOGIN]"},
		"cli.users.flag.role":      {"rollen: %s", "the role: %s"},
		"cli.users.flag.key":       {"en fil med den publika nyckeln (id_ed25519.pub)", "a file holding the public key (id_ed25519.pub)"},
		"cli.users.flag.key_text":  {"den publika nyckeln som text", "the public key as text"},
		"cli.users.flag.name":      {"namnet som visas för andra (standard: inloggningen)", "the name others see (default: the login)"},
		"cli.users.unknown_action": {"okänt: %s (list, add eller remove)", "unknown: %s (list, add or remove)"},
		"cli.users.failed":         {"användarfilen %s: %s", "the users file %s: %s"},
		"cli.users.none":           {"Ingen får ansluta ännu (%s). Lägg till med beredning users add.", "Nobody may connect yet (%s). Add people with beredning users add."},
		"cli.users.header":         {"INLOGG\tNAMN\tROLL\tNYCKLAR", "LOGIN\tNAME\tROLE\tKEYS"},
		"cli.users.no_such":        {"%s finns inte i %s", "%s is not in %s"},
		"cli.users.removed":        {"%s får inte längre ansluta (%s); öppna sessioner stängs inte.", "%s may no longer connect (%s); open sessions are not closed."},
		"cli.users.bad_role":       {"okänd roll %q; rollerna är %s", "unknown role %q; the roles are %s"},
		"cli.users.key_file":       {"nyckelfilen %s: %s", "the key file %s: %s"},
		"cli.users.need_key":       {"ange en nyckel: --key FIL eller --key-text \"ssh-ed25519 …\" (inte båda)", "give one key: --key FILE or --key-text \"ssh-ed25519 …\" (not both)"},
		"cli.users.bad_key":        {"det är ingen publik SSH-nyckel (en rad som i authorized_keys, till exempel ssh-ed25519 AAAA…)", "that is not a public SSH key (one line as in authorized_keys, e.g. ssh-ed25519 AAAA…)"},
		"cli.users.added":          {"%s (%s) får ansluta med nyckeln %s (%s)", "%s (%s) may connect with the key %s (%s)"},

		"cli.users.problem.login":     {"inloggningen %q ska vara små bokstäver a–z, siffror, . _ -", "the login %q must be lower-case a–z, digits, . _ -"},
		"cli.users.problem.role":      {"%s har en okänd roll", "%s has an unknown role"},
		"cli.users.problem.key":       {"%s har en nyckel som inte går att läsa", "%s has a key that cannot be read"},
		"cli.users.problem.duplicate": {"%s eller en av nycklarna finns redan", "%s or one of the keys is already there"},
		"cli.users.problem.key_n":     {"%s (nyckel %d)", "%s (key %d)"},
		"cli.users.problem.toml":      {"ingen giltig TOML på rad %d, kolumn %d", "not valid TOML at line %d, column %d"},
	})
}
