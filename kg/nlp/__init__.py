"""Natural-language processing: a spaCy pipeline with one component per concern.

``layout`` (page furniture and publisher lines) → ``actor_ruler`` → ``place_ruler`` →
``event_triggers`` → ``attribution`` (reporting sources and quotes) → ``event_roles``
(agent, target, place, modality, fatalities). :func:`kg.nlp.pipeline.load_pipeline`
assembles them on top of an English model.
"""
