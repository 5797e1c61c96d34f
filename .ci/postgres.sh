# Sourced by .ci/run: starts a throwaway PostgreSQL cluster for the tests
# and exports its URL as BRIEFBOT_TEST_POSTGRES; pg_stop stops it and
# removes its files. Installs Debian's postgresql package when no server is
# found. initdb refuses to run as root, so as root the cluster runs as the
# postgres user (made by the package) or nobody, in a directory it owns.
# Without a server the variable stays unset and the PostgreSQL tests skip,
# unless CI is set, when they fail.

pg_bin() {
	local d
	for d in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")" /usr/lib/postgresql/*/bin; do
		if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
			echo "$d"
			return 0
		fi
	done
	return 1
}

pg_start() {
	local bin
	if ! bin="$(pg_bin)"; then
		if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
			echo "--- installing postgresql"
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) ||
				echo "installing postgresql failed" >&2
		fi
		bin="$(pg_bin)" || { echo "no PostgreSQL server; its tests will skip unless CI is set" >&2; return 0; }
	fi
	PG_DIR="$(mktemp -d)"
	local as=()
	if [ "$(id -u)" = 0 ]; then
		local user=postgres
		id "$user" >/dev/null 2>&1 || user=nobody
		chown "$user" "$PG_DIR"
		chmod 700 "$PG_DIR"
		as=(runuser -u "$user" --)
	fi
	local port=$((20000 + RANDOM % 20000))
	"${as[@]}" "$bin/initdb" -D "$PG_DIR/data" -U briefbot --auth=trust -E UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 ||
		{ cat "$PG_DIR/initdb.log" >&2; return 1; }
	# Durability is not what the tests test: no fsync makes each of the
	# many databases they create cost milliseconds.
	"${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -o \
		"-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=512MB" \
		start >/dev/null || { cat "$PG_DIR/server.log" >&2; return 1; }
	PG_CTL=("${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data")
	export BRIEFBOT_TEST_POSTGRES="postgres://briefbot@127.0.0.1:$port/postgres?sslmode=disable"
	echo "--- PostgreSQL $("$bin/postgres" --version | awk '{print $3}') at $BRIEFBOT_TEST_POSTGRES"
}

pg_stop() {
	if [ -n "${PG_CTL+set}" ]; then
		"${PG_CTL[@]}" stop -m immediate >/dev/null 2>&1 || true
	fi
	if [ -n "${PG_DIR:-}" ]; then
		rm -rf "$PG_DIR"
	fi
}
