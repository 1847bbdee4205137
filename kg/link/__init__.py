"""Linking mentions to gazetteers: actors (``data/actors.yaml``) and places (GeoNames +
``data/places.yaml``)."""

from kg.link.actors import ActorGazetteer, load_actor_gazetteer
from kg.link.places import PlaceGazetteer, load_place_gazetteer

__all__ = ["ActorGazetteer", "PlaceGazetteer", "load_actor_gazetteer", "load_place_gazetteer"]
