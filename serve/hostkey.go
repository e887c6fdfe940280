package serve

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"

	gossh "golang.org/x/crypto/ssh"
)

// HostKeyPath is where the server keeps its host key: beside the
// database, so the key moves with the data it guards.
func HostKeyPath(dbPath string) string { return dbPath + ".ssh_host_ed25519_key" }

// loadHostKey reads the ed25519 host key at path, creating it (mode 0600)
// on first start. A key file others may read is refused: whoever holds the
// key can pose as the server.
func loadHostKey(path string) (gossh.Signer, []byte, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return nil, nil, err
		}
		block, err := gossh.MarshalPrivateKey(priv, "beredning serve")
		if err != nil {
			return nil, nil, err
		}
		b = pem.EncodeToMemory(block)
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			return nil, nil, err
		}
		if _, err := f.Write(b); err != nil {
			f.Close()
			os.Remove(path)
			return nil, nil, err
		}
		if err := f.Close(); err != nil {
			return nil, nil, err
		}
	} else if err != nil {
		return nil, nil, err
	}
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 {
		return nil, nil, &HostKeyModeError{Path: path, Mode: fi.Mode().Perm()}
	}
	signer, err := gossh.ParsePrivateKey(b)
	if err != nil {
		return nil, nil, err
	}
	if signer.PublicKey().Type() != gossh.KeyAlgoED25519 {
		return nil, nil, fmt.Errorf("%s: host key is %s, want ed25519", path, signer.PublicKey().Type())
	}
	return signer, b, nil
}

// HostKeyModeError: the host key file may be read by others.
type HostKeyModeError struct {
	Path string
	Mode fs.FileMode
}

func (e *HostKeyModeError) Error() string {
	return fmt.Sprintf("%s: mode %04o lets others read the host key; want 0600", e.Path, uint32(e.Mode))
}
