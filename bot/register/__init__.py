"""The village register: who leaves, who is abroad, who came home (UU 18/2017 gives the village
the duty to record prospective migrants and to monitor departures and returns)."""
