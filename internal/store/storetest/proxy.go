package storetest

import (
	"io"
	"net"
	"net/url"
	"testing"
	"time"
)

// SlowProxy forwards connections to the database at dbURL through a local
// port, each message to the database held for delay first, as a database
// across a network is, and returns the database's URL through it. It
// closes when the test ends.
func SlowProxy(t testing.TB, dbURL string, delay time.Duration) string {
	t.Helper()
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	target := u.Host
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go forward(c, target, delay)
		}
	}()
	u.Host = ln.Addr().String()
	return u.String()
}

// forward copies c to a new connection to target, each read delayed, and
// the answers back at once, until either end closes.
func forward(c net.Conn, target string, delay time.Duration) {
	defer c.Close()
	s, err := net.Dial("tcp", target)
	if err != nil {
		return
	}
	defer s.Close()
	go io.Copy(c, s)
	buf := make([]byte, 64<<10)
	for {
		n, err := c.Read(buf)
		if err != nil {
			return
		}
		time.Sleep(delay)
		if _, err := s.Write(buf[:n]); err != nil {
			return
		}
	}
}
