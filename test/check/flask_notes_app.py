"""The notes API contract (`pyroad show notes-api-project`) in Flask, as a learner would write it.

Issue 16: a correct implementation in any framework must pass the shipped checks. This one is
plain Flask (Debian's python3-flask), with no code written for pyroad: if a check fails against
it for a reason the contract does not state, the check is wrong, not this server.

Run: NOTES_TOKENS=alice:alice-token,bob:bob-token python3 flask_notes_app.py
It listens on 127.0.0.1 on a free port and prints the port on its first line.
"""

import os

from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException
from werkzeug.serving import make_server

app = Flask(__name__)

# Tokens come from the environment, never from the code: "user:token,user:token".
USERS = {
    token: user
    for user, _, token in (pair.partition(":") for pair in os.environ.get("NOTES_TOKENS", "").split(",") if pair)
}
NOTES = {}
NEXT_ID = [1]


def error(status, message, headers=None):
    response = jsonify(error=message)
    response.status_code = status
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


@app.errorhandler(HTTPException)
def http_error(exc):
    """Every error answers JSON, keeping the headers Flask set (such as Allow on a 405)."""
    response = exc.get_response()
    response.data = jsonify(error=exc.description).get_data()
    response.content_type = "application/json"
    return response


@app.before_request
def authenticate():
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    user = USERS.get(token) if scheme == "Bearer" else None
    if user is None:
        return error(401, "a valid bearer token is required", {"WWW-Authenticate": "Bearer"})
    request.user = user
    return None


def view(note):
    return {"id": note["id"], "title": note["title"], "body": note["body"]}


def note_input():
    """The note's fields from a JSON body, or an error answer."""
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return None, error(400, "the body must be a JSON object")
    title, body = data.get("title"), data.get("body", "")
    if not isinstance(title, str) or not title.strip():
        return None, error(422, "title is required and must be a non-empty string")
    if not isinstance(body, str):
        return None, error(422, "body must be a string")
    return {"title": title, "body": body}, None


def owned_note(note_id):
    note = NOTES.get(note_id)
    if note is None:
        return None, error(404, "no such note")
    if note["owner"] != request.user:
        return None, error(403, "this note belongs to another user")
    return note, None


@app.route("/notes", methods=["GET", "POST"])
def notes():
    if request.method == "POST":
        fields, problem = note_input()
        if problem:
            return problem
        note = {"id": NEXT_ID[0], "owner": request.user, **fields}
        NEXT_ID[0] += 1
        NOTES[note["id"]] = note
        response = jsonify(view(note))
        response.status_code = 201
        response.headers["Location"] = f"/notes/{note['id']}"
        return response
    try:
        limit = int(request.args.get("limit", 20))
        offset = int(request.args.get("offset", 0))
    except ValueError:
        return error(400, "limit and offset must be integers")
    if limit < 0 or offset < 0:
        return error(400, "limit and offset must not be negative")
    mine = [view(n) for n in NOTES.values() if n["owner"] == request.user]
    return jsonify(items=mine[offset : offset + limit], total=len(mine))


@app.route("/notes/<int:note_id>", methods=["GET", "PUT", "DELETE"])
def note(note_id):
    found, problem = owned_note(note_id)
    if problem:
        return problem
    if request.method == "GET":
        return jsonify(view(found))
    if request.method == "PUT":
        fields, problem = note_input()
        if problem:
            return problem
        found.update(fields)
        return jsonify(view(found))
    del NOTES[note_id]
    return "", 204


if __name__ == "__main__":
    server = make_server("127.0.0.1", 0, app)
    print(server.port, flush=True)
    server.serve_forever()
