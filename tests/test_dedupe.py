from dateline.dedupe import NearDuplicateIndex, from_bytes, signature, to_bytes
from dateline.text.ids import content_id

STORY = (
    "The regional water authority said on Tuesday that the northern reservoir had fallen to "
    "its lowest level in thirty years after a dry winter, and that households in four districts "
    "would face night-time supply cuts from next Monday. Engineers are repairing two leaking "
    "mains near the old bridge, the authority added, while farmers have been asked to irrigate "
    "only before sunrise. The mayor called the situation serious but manageable and promised "
    "weekly updates until the spring rains arrive."
)
EDITED = (
    STORY.replace("on Tuesday", "on Tuesday evening")
    .replace("serious but manageable", "serious yet manageable")
    .replace("weekly updates", "regular updates")
)
OTHER = (
    "A new ferry line between the two island towns opened on Friday with a crossing time of "
    "forty minutes, halving the journey for commuters who until now changed boats at the "
    "harbour. Tickets cost the same as the bus, the operator said, and bicycles travel free."
)


def test_content_id_is_16_hex_and_ignores_cosmetic_differences():
    a = content_id("Asim Munir met Khalifa Haftar.")
    assert len(a) == 16 and int(a, 16) >= 0
    assert a == content_id("  asim  munir met\nKhalifa   Haftar ")
    assert a == content_id("Asim\u00a0Munir met Khalifa Haftar!")
    assert a != content_id("Asim Munir met Saddam Haftar.")


def test_signature_round_trips_and_short_texts_have_none():
    sig = signature(STORY)
    assert sig is not None and len(sig) == 128
    assert (from_bytes(to_bytes(sig)) == sig).all()
    assert signature("Too short to judge.") is None


def test_edited_copy_points_to_original_and_other_story_does_not():
    index = NearDuplicateIndex()
    assert index.add("orig", signature(STORY), "2026-03-01").duplicate_of is None
    placed = index.add("copy", signature(EDITED), "2026-03-02")
    assert placed.duplicate_of == "orig"
    assert placed.score >= 0.6
    assert index.add("other", signature(OTHER), "2026-03-02").duplicate_of is None


def test_copy_published_earlier_becomes_the_original():
    index = NearDuplicateIndex()
    index.add("late", signature(STORY), "2026-03-05")
    placed = index.add("early", signature(EDITED), "2026-03-01")
    assert placed.duplicate_of is None
    assert placed.repoint == {"late": "early"}
    # a third copy now points to the earliest one
    third = STORY.replace("four districts", "five districts")
    assert index.add("third", signature(third), "2026-03-06").duplicate_of == "early"


def test_index_rebuilds_from_stored_rows():
    index = NearDuplicateIndex()
    index.load([("orig", 1, "2026-03-01", None, to_bytes(signature(STORY)))])
    assert index.add("copy", signature(EDITED), None).duplicate_of == "orig"


def test_band_index_offers_the_candidates_datasketch_lsh_offers(monkeypatch):
    """Our LSH (compact arrays, keys merged in batches) against datasketch's MinHashLSH on
    signatures with planted near-copies: the same candidates for every query, whether a
    signature came in one by one, in a store's bulk load, or waits unmerged."""
    import numpy as np
    from datasketch import LeanMinHash, MinHash, MinHashLSH

    from dateline import dedupe

    monkeypatch.setattr(dedupe._Bands, "MERGE", 64)
    scheme = MinHash(num_perm=dedupe.NUM_PERM, seed=1).scheme
    lean = lambda sig: LeanMinHash(seed=1, hashvalues=sig, scheme=scheme)  # noqa: E731
    rng = np.random.default_rng(5)
    base = rng.integers(0, 2**32, (40, dedupe.NUM_PERM), dtype=np.uint32)
    sigs = []
    for _ in range(400):  # copies of 40 stories, each with a share of its values redrawn
        sig = base[rng.integers(40)].copy()
        redrawn = rng.random(dedupe.NUM_PERM) < rng.uniform(0.1, 0.9)
        sig[redrawn] = rng.integers(0, 2**32, int(redrawn.sum()), dtype=np.uint32)
        sigs.append(sig)
    ours = dedupe._Bands(0.5, dedupe.NUM_PERM)
    theirs = MinHashLSH(threshold=0.5, num_perm=dedupe.NUM_PERM)
    ours.add(np.stack(sigs[:100]))  # as loaded from a store
    for k, sig in enumerate(sigs):
        if k >= 100:
            got = set(ours.candidates(sig).tolist())
            want = set(theirs.query(lean(sig)))
            assert got == want, k
            ours.add(sig[None, :])
        theirs.insert(k, lean(sig), check_duplication=False)
    assert len(ours) == 400 and sum(len(ours.candidates(s)) > 1 for s in sigs) > 100
