"""Analysis of the graph with networkx: the graph as a network, the actor network
(hostile, backing, agreement), centrality, communities, timelines and places."""

from kg.analyze.actors import (
    EventRow,
    activity,
    actor_network,
    actor_relations,
    actor_timeline,
    backing_pairs,
    busiest_places,
    centrality,
    communities,
    event_rows,
    hostility,
)
from kg.analyze.events import event_table, events_frame
from kg.analyze.network import summarize, to_networkx

__all__ = [
    "EventRow",
    "activity",
    "actor_network",
    "actor_relations",
    "actor_timeline",
    "backing_pairs",
    "busiest_places",
    "centrality",
    "communities",
    "event_rows",
    "event_table",
    "events_frame",
    "hostility",
    "summarize",
    "to_networkx",
]
