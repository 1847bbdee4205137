"""The outlet that published an article: a media actor of the gazetteer, found from the
metadata's name however a feed writes it."""

from __future__ import annotations

from kg._util.text import squash
from kg.link.actors import ActorGazetteer
from kg.nlp.matcher import PieceMatcher
from kg.types import ActorRef


class PublisherLinker:
    """Link a publisher's name to a media actor (or a new one)."""

    def __init__(self, actors: ActorGazetteer, tokenizer) -> None:  # noqa: ANN001
        self.actors = actors
        self._matcher: PieceMatcher[str] = PieceMatcher(tokenizer)
        for alias, keys in actors.aliases.items():
            self._matcher.add(alias, keys[0], case_sensitive=False)
        self._tokenizer = tokenizer
        self._squashed_aliases: dict[str, ActorRef] = {}
        for alias, keys in sorted(
            actors.aliases.items(),
            key=lambda item: actors.actors[item[1][0]].type != "media",
        ):
            squashed = squash(alias)
            for variant in (squashed, squashed[2:] if squashed.startswith("al") else ""):
                if len(variant) >= 3:
                    self._squashed_aliases.setdefault(variant, actors.actors[keys[0]])

    def __call__(self, name: str) -> ActorRef:
        """The outlet named in the metadata: a media actor of the gazetteer whose alias it
        contains, or whose alias it is once spaces, punctuation and a leading "al" are dropped
        (feeds write "dailysabah", "manar", "etilaf" — the last the Syrian Coalition's site)."""
        matches = self._matcher(self._tokenizer(name))
        for match in matches:
            actor = self.actors.get(match.values[0])
            if actor is not None and actor.type == "media":
                return actor
        squashed = self._squashed_aliases.get(squash(name))
        if squashed is not None:
            return squashed
        return self.actors.new_actor(name, "media")
