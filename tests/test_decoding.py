import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policy_nlp.ingest.decoding import BinaryFileError, decode_bytes

TEXT = "Pyongyang’s envoy met Élisabeth in Genève – «détente» at €5."


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_decodes_every_supported_encoding_without_replacement(data, encoding):
    decoded = decode_bytes(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding
    assert "\ufffd" not in decoded.text


def test_latin1_text_keeps_its_accents():
    text = "La coopération franco-allemande à Genève est née après la réunion."
    assert decode_bytes(text.encode("latin-1")).text == text


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"PK\x03\x04rest-of-zip", bytes(range(256)) * 4])
def test_binary_content_is_refused(data):
    with pytest.raises(BinaryFileError):
        decode_bytes(data)


@given(st.text(min_size=1).filter(lambda t: "\x00" not in t))
def test_utf8_round_trip(text):
    assert decode_bytes(text.encode("utf-8")).text == text


@given(st.text(min_size=1))
def test_utf16_with_bom_round_trip(text):
    assert decode_bytes(text.encode("utf-16")).text == text
