"""Kill points: a crash of the client at a chosen write (the `kill_client_after_writes` fault).

`POST /__proxy/faults {"kill_client_after_writes": K}` makes the proxy SIGKILL the process that
sends the K-th write from then on (a write as the quota counts it: any operation not named
Get/List/Describe/Head, any method but GET/HEAD for `METHOD path` requests), after AWS (moto)
carried the write out and before its answer is sent: the worst moment for a deploy, which then
never learns that its write happened. The fault clears itself once it fired, so the rerun that
must converge runs undisturbed. Tests use it for several K instead of timing a kill.

The client is found from the connection: its local port in /proc/net/tcp (or tcp6) gives the
socket's inode, and the process holding that inode among its open files is the client (Linux
only; both ends are on this machine).
"""

import os
import signal

from aws_proxy_quota import api_key

FAULT = "kill_client_after_writes"


def due(faults, service, method, operation, path):
    """Counts a write toward the kill point; True when this write is the one. Lock held."""
    remaining = faults.get(FAULT)
    if not remaining or api_key(service, method, operation, path) is None:
        return False
    remaining = int(remaining) - 1
    if remaining > 0:
        faults[FAULT] = remaining
        return False
    faults.pop(FAULT, None)
    return True


def socket_inode(port, peer_port):
    """The inode of the TCP socket bound to local `port` and connected to `peer_port`, or None.
    (A local port alone is not unique: the kernel reuses one for connections to other peers,
    such as the proxy's own connection to moto.)"""
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                rows = f.read().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            if (len(fields) > 9 and int(fields[1].rpartition(":")[2], 16) == port
                    and int(fields[2].rpartition(":")[2], 16) == peer_port):
                return fields[9]
    return None


def client_pid(client_address, server_port):
    """The pid of the process whose socket is the other end of this connection, or None."""
    inode = socket_inode(client_address[1], server_port)
    if inode is None:
        return None
    target = f"socket:[{inode}]"
    me = os.getpid()
    for pid in filter(str.isdigit, os.listdir("/proc")):
        if int(pid) == me:
            continue
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                if os.readlink(f"/proc/{pid}/fd/{fd}") == target:
                    return int(pid)
        except OSError:
            continue
    return None


def kill_client(client_address, server_port):
    """SIGKILLs the client; returns its pid (None when it could not be found)."""
    pid = client_pid(client_address, server_port)
    if pid is not None:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            return None
    return pid
