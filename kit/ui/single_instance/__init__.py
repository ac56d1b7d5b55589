"""One running copy of the app per user data folder (bad-inputs rows C6, F9, F10).

`claim` (before any window) takes the data folder's lock or hands the request to the copy that has it;
the owner listens with a `server.RequestServer` and `answer.Answers` acts on what arrives. `kit present`,
`kit screenshots`, the smoke test and the UI tests never claim: they open their own window on their own data.
"""
