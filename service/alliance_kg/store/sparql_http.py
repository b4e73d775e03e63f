"""SPARQL 1.1 Protocol requests (through SPARQLWrapper) and Graph Store requests (httpx).

HTTP authentication is basic (sent with every request) or digest (answered when the
server challenges). Each request gets its own urllib opener: SPARQLWrapper's own digest
support installs a process-wide opener, which concurrent stores would share.

Errors: a 4xx answer is a QueryError with the server's message, except 401/403/404/407
(wrong credentials or URL: StoreUnavailable); 408/504 and client-side timeouts are
QueryTimeoutError; refused connections and 5xx are StoreUnavailable.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPResponse
from typing import Literal

import httpx
from SPARQLWrapper import BASIC, POST, SPARQLWrapper

from alliance_kg.store.base import QueryError, QueryTimeoutError, StoreError, StoreUnavailable

AuthScheme = Literal["basic", "digest"]
AUTH_SCHEMES: tuple[AuthScheme, ...] = ("basic", "digest")
READ_CHUNK = 1 << 16
_UNAVAILABLE = {401, 403, 404, 407}
_TIMED_OUT = {408, 504}


@dataclass(frozen=True)
class Answer:
    """A server's answer: its body, media type and `Server` header."""

    body: bytes
    media_type: str
    server: str


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str
    scheme: AuthScheme = "basic"

    def httpx_auth(self) -> httpx.Auth:
        if self.scheme == "digest":
            return httpx.DigestAuth(self.user, self.password)
        return httpx.BasicAuth(self.user, self.password)


class _Wrapper(SPARQLWrapper):
    """SPARQLWrapper sending through its own opener, HTTP errors left as urllib raises them."""

    opener: urllib.request.OpenerDirector

    def _query(self) -> tuple[HTTPResponse, str]:
        response = self.opener.open(self._createRequest(), timeout=self.timeout)
        return response, self.returnFormat


def sparql_request(
    endpoint: str,
    text: str,
    *,
    update_endpoint: str | None = None,
    credentials: Credentials | None = None,
    timeout: float | None = None,
) -> SPARQLWrapper:
    """A POST request for `text` (a query to `endpoint`, an update to `update_endpoint`)."""
    wrapper = _Wrapper(endpoint, updateEndpoint=update_endpoint)
    wrapper.setMethod(POST)
    wrapper.setOnlyConneg(True)
    handlers: list[urllib.request.BaseHandler] = []
    if credentials is not None and credentials.scheme == "digest":
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, endpoint, credentials.user, credentials.password)
        if update_endpoint is not None:
            passwords.add_password(None, update_endpoint, credentials.user, credentials.password)
        handlers.append(urllib.request.HTTPDigestAuthHandler(passwords))
    elif credentials is not None:
        wrapper.setHTTPAuth(BASIC)
        wrapper.setCredentials(credentials.user, credentials.password)
    wrapper.opener = urllib.request.build_opener(*handlers)
    # setTimeout() truncates to whole seconds; urllib takes a float.
    wrapper.timeout = timeout  # type: ignore[assignment]
    wrapper.setQuery(text)
    return wrapper


def send(wrapper: SPARQLWrapper) -> Answer:
    """Send the request; HTTP and network failures as StoreErrors.

    The wrapper's timeout bounds each socket operation and the whole read: a server
    streaming a huge answer is cut off once the time is up.
    """
    timeout: float | None = wrapper.timeout
    deadline = None if timeout is None else time.monotonic() + timeout
    try:
        with wrapper.query().response as response:
            chunks = []
            while chunk := response.read1(READ_CHUNK):
                if deadline is not None and time.monotonic() > deadline:
                    raise TimeoutError
                chunks.append(chunk)
            headers = response.headers
            return Answer(b"".join(chunks), headers.get_content_type(), headers.get("Server", ""))
    except urllib.error.HTTPError as error:
        raise status_error(error.code, error.read().decode(errors="replace")) from error
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise _timed_out(wrapper.endpoint, timeout) from error
        raise StoreUnavailable(f"{wrapper.endpoint}: {error.reason}") from error
    except TimeoutError as error:
        raise _timed_out(wrapper.endpoint, timeout) from error
    except OSError as error:
        raise StoreUnavailable(f"{wrapper.endpoint}: {error}") from error


def graph_store_request(
    client: httpx.Client,
    method: str,
    url: str,
    *,
    params: dict[str, str],
    headers: dict[str, str],
    content: bytes | None = None,
) -> bytes:
    """One Graph Store Protocol request; its body, or the failure as a StoreError."""
    try:
        response = client.request(method, url, params=params, headers=headers, content=content)
    except httpx.TimeoutException as error:
        raise QueryTimeoutError(f"{url} did not answer in time") from error
    except httpx.TransportError as error:
        raise StoreUnavailable(f"{url}: {error}") from error
    if response.is_error:
        raise status_error(response.status_code, response.text)
    return response.content


def status_error(code: int, message: str) -> StoreError:
    """The StoreError for an HTTP error status (see the module docstring)."""
    detail = f"HTTP {code}: {message.strip()}"
    if code in _TIMED_OUT:
        return QueryTimeoutError(detail)
    if code in _UNAVAILABLE or code >= 500:
        return StoreUnavailable(detail)
    return QueryError(detail)


def _timed_out(endpoint: str, timeout: float | None) -> QueryTimeoutError:
    return QueryTimeoutError(f"{endpoint} did not answer within the time limit of {timeout} s")
