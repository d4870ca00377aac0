"""Cases: a family's report, routed by village to its officers, who claim, reply and resolve it.

`service` is the domain's front door (create and route, claim, reply, note, transfer, resolve,
escalate); `categories`, `hints`, `contact` and `queue` are the vocabulary of the form, what an
opening message already names, how a family can be reached, and the officers' queue.
"""
