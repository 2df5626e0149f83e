"""Loaded only by the servers ``bench/run.py --nodelay`` starts: TCP_NODELAY on every TCP socket asyncio wraps.

Streamlit 1.67 binds its listening socket itself with ``socket.socket(family)``, whose ``proto`` is 0, and
asyncio sets TCP_NODELAY only on sockets whose ``proto`` is ``IPPROTO_TCP``; so Nagle's algorithm stays on for
every websocket, and a rerun's small messages wait for the browser's delayed ACK (40 ms or more on Linux).
This file lets the benchmark show how much of a round trip is that wait rather than work.
"""

import asyncio.base_events
import socket


def _set_nodelay(sock: socket.socket) -> None:
    if sock.family in {socket.AF_INET, socket.AF_INET6} and sock.type == socket.SOCK_STREAM:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


asyncio.base_events._set_nodelay = _set_nodelay  # type: ignore[attr-defined]
