"""The addresses students type: this machine's own LAN addresses, found locally, never by contacting a host.

The interfaces are listed with `ifaddr` (pure Python; the library python-zeroconf uses), and the host name
is resolved with getaddrinfo as a second opinion. Loopback and link-local addresses are left out: a phone
cannot reach them.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket

from kit.web.server import ALL_INTERFACES


def lan_addresses() -> list[str]:
    """Every IPv4 address of this machine a device on the same network could reach, private ones first."""
    found: set[str] = set()
    with contextlib.suppress(ImportError, OSError):
        import ifaddr

        for adapter in ifaddr.get_adapters():
            found.update(ip.ip for ip in adapter.ips if isinstance(ip.ip, str))  # IPv6 entries are tuples
    with contextlib.suppress(OSError):
        found.update(str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET))
    usable = [a for a in found if _reachable(a)]
    return sorted(usable, key=lambda a: (not ipaddress.ip_address(a).is_private, ipaddress.ip_address(a)))


def _reachable(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return ip.version == 4 and not (ip.is_loopback or ip.is_link_local or ip.is_unspecified or ip.is_multicast)


def share_urls(host: str, port: int, code: str = "") -> list[str]:
    """The addresses to show for a server bound to `host`: each LAN address when it listens on all of them,
    each with the classroom code (kit.web.class_code) when the share has one."""
    hosts = lan_addresses() if host in (ALL_INTERFACES, "") else [host]
    if not hosts:
        hosts = ["127.0.0.1"]  # no network: at least this machine's own browser can read it
    path = f"/{code}/" if code else "/"
    return [f"http://{h if ':' not in h else f'[{h}]'}:{port}{path}" for h in hosts]
