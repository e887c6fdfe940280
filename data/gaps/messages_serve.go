package gaps

import "github.com/beredning/beredning/data/lang"

// Help for the SSH server's settings, listed with the thresholds.
func init() {
	lang.Register(map[string]lang.Text{
		"gaps.setting.serve.max_sessions": {"Server: så många tavlor får vara öppna samtidigt över SSH; den som ansluter därutöver avvisas med ett besked",
			"Server: how many boards may be open at once over SSH; anyone connecting beyond that is turned away"},
	})
}
