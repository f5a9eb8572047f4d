"""Undo a response's Content-Encoding while counting every byte each layer produces.

httpx decodes inside ``aiter_bytes`` and hands over whole decoded chunks, so a size check
after it runs too late: 5 KB sent as ``Content-Encoding: gzip, gzip`` inflate to gigabytes
in one chunk. Here the raw bytes are decoded layer by layer with zlib's ``max_length``, so no
layer ever produces more than ``max_bytes`` (plus one small step) before the caller is told.
Only gzip and deflate are offered in Accept-Encoding, so only they need decoding.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

ACCEPT_ENCODING = "gzip, deflate"
_STEP = 64 * 1024  # the most any layer produces per call


class TooLarge(Exception):
    """A layer of the body decoded to more than the cap."""


class UnsupportedEncoding(Exception):
    """The server used a Content-Encoding this fetcher did not offer."""


class _Layer:
    """One encoding, decoded incrementally, never more than ``_STEP`` bytes per call."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._deflate_guess = name == "deflate"
        self._z = zlib.decompressobj(zlib.MAX_WBITS | 16) if name in ("gzip", "x-gzip") else zlib.decompressobj()

    def feed(self, data: bytes) -> Iterator[bytes]:
        while data:
            try:
                out = self._z.decompress(data, _STEP)
            except zlib.error:
                if not self._deflate_guess:
                    raise
                # "deflate" in the wild is often raw deflate without the zlib header.
                self._deflate_guess = False
                self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                out = self._z.decompress(data, _STEP)
            self._deflate_guess = False
            data = self._z.unconsumed_tail
            if out:
                yield out
            if self._z.eof:
                return  # trailing bytes after the stream end are ignored, as browsers do

    def flush(self) -> Iterator[bytes]:
        while not self._z.eof:
            out = self._z.decompress(self._z.unconsumed_tail, _STEP) if self._z.unconsumed_tail else self._z.flush(_STEP)
            if not out:
                return
            yield out


class BoundedDecoder:
    """Feed raw chunks in, take decoded chunks out; raises :class:`TooLarge` past ``max_bytes``.

    Every layer's output is counted, not only the last one's, so a stack of encodings
    cannot build a huge intermediate either.
    """

    def __init__(self, content_encoding: str, max_bytes: int) -> None:
        names = [n.strip().lower() for n in content_encoding.split(",") if n.strip()]
        names = [n for n in names if n != "identity"]
        for name in names:
            if name not in ("gzip", "x-gzip", "deflate"):
                raise UnsupportedEncoding(name)
        # Encodings are listed in the order applied, so they are undone last first.
        self._layers = [_Layer(n) for n in reversed(names)]
        self._counts = [0] * (len(self._layers) + 1)
        self._max = max_bytes

    def decode(self, raw: bytes) -> Iterator[bytes]:
        self._count(0, len(raw))
        yield from self._through(0, raw)

    def finish(self) -> Iterator[bytes]:
        for depth, layer in enumerate(self._layers):
            for out in layer.flush():
                yield from self._through(depth + 1, out)

    def _through(self, depth: int, data: bytes) -> Iterator[bytes]:
        """``data`` is the input of layer ``depth``; yields what the last layer produces."""
        if depth == len(self._layers):
            yield data
            return
        for out in self._layers[depth].feed(data):
            self._count(depth + 1, len(out))
            yield from self._through(depth + 1, out)

    def _count(self, depth: int, n: int) -> None:
        self._counts[depth] += n
        if self._counts[depth] > self._max:
            raise TooLarge
