"""English material: expats and other English speakers writing about Copenhagen departments.

Slots: {thing} the application or matter, {decision}, {office}, {staff}, {date}, {duration},
{count}, {amount}, {who} (whose case: "my", "my son's"), {person} ("I", "my son").
"""

from __future__ import annotations

from types import MappingProxyType

from training.synth.pools.english_causes import CAUSES, PASSING, SUBTLE

__all__ = [
    "AGAIN",
    "ANGER",
    "CAUSES",
    "CLOSINGS",
    "COUNTER",
    "INTROS",
    "ONGOING",
    "OPENINGS",
    "PASSING",
    "SIGNALS",
    "STORY",
    "SUBTLE",
    "TOPICS",
]

# department -> topics: (topic name, thing, decision, office, staff)
TOPICS = MappingProxyType(
    {
        "KFF": (
            (
                "CPR registration",
                "my CPR registration",
                "the decision on my registration",
                "Borgerservice",
                "the woman at the desk",
            ),
            (
                "health insurance card",
                "my application for the yellow health card",
                "the refusal of my health card",
                "Borgerservice",
                "the staff at International House",
            ),
            ("MitID", "my MitID application", "the answer about MitID", "Borgerservice", "the case worker"),
            (
                "passport",
                "my son's passport application",
                "the passport decision",
                "the passport office",
                "the clerk",
            ),
        ),
        "BUF": (
            (
                "after-school club",
                "our son's place in the after-school club",
                "the decision about the club",
                "the after-school club",
                "the club leader",
            ),
            (
                "daycare",
                "our application for a daycare place",
                "the decision on our daycare place",
                "Pladsanvisningen",
                "the daycare manager",
            ),
            (
                "school",
                "our request to move our daughter to another school",
                "the school's decision",
                "the school",
                "the head teacher",
            ),
            (
                "international school place",
                "our application for the international class",
                "the refusal",
                "the school administration",
                "the school consultant",
            ),
        ),
        "TMF": (
            (
                "parking",
                "my objection to the parking fine",
                "the rejection of my objection",
                "Center for Parking",
                "the parking attendant",
            ),
            (
                "resident parking permit",
                "my application for a resident parking permit",
                "the permit decision",
                "the parking office",
                "customer service",
            ),
            (
                "building permit",
                "our application for a balcony",
                "the building permit decision",
                "the building department",
                "the case handler",
            ),
        ),
        "BIF": (
            (
                "Danish classes",
                "my Danish classes and the integration programme",
                "the decision on my integration programme",
                "the language centre",
                "my contact person",
            ),
            (
                "unemployment",
                "my application for social benefits",
                "the decision on my benefits",
                "the Jobcenter",
                "my job consultant",
            ),
            (
                "sick leave benefits",
                "my sickness benefits",
                "the decision to stop my sickness benefits",
                "Jobcenter Copenhagen",
                "my case worker",
            ),
        ),
        "SOF": (
            (
                "disability support",
                "our application for support for our son",
                "the decision on support",
                "the disability centre",
                "our case worker",
            ),
            (
                "family support",
                "the support for our family",
                "the decision to close our family case",
                "the family department",
                "the social worker",
            ),
            (
                "housing",
                "my application for emergency housing",
                "the housing decision",
                "the housing office",
                "the housing consultant",
            ),
        ),
        "SUF": (
            (
                "home care",
                "the home care for my mother",
                "the home care decision",
                "the home care service",
                "the visitation officer",
            ),
            (
                "rehabilitation",
                "my father's rehabilitation after his stroke",
                "the decision on the training",
                "the rehabilitation centre",
                "the therapist",
            ),
            (
                "nursing home",
                "our application for a nursing home place for my mother",
                "the nursing home decision",
                "the nursing home",
                "the nurse in charge",
            ),
        ),
        "OKF": (
            (
                "debt",
                "the debt the municipality says I owe",
                "the decision on repayment",
                "the debt collection office",
                "the person handling my debt",
            ),
            (
                "municipal bill",
                "the bill I received from the municipality",
                "the payment demand",
                "the municipality's collection office",
                "the person at the collection office",
            ),
        ),
    }
)

OPENINGS = (
    "Dear Citizens' Advisor,",
    "Hello,",
    "To whom it may concern,",
    "Hi,",
    "Dear Sir or Madam,",
    "Dear Borgerrådgiver,",
    "",
)
INTROS = (
    "I am writing to complain about {office} and how they have handled {thing}.",
    "I'm sorry to write in English, my Danish is not good enough yet.",
    "I moved to Copenhagen [last year|in {month}|two years ago] for [work|my PhD|my partner's job] and I "
    "need help with {thing}.",
    "A colleague told me that I could contact you about problems with the municipality.",
    "I hope it is OK that I write in English.",
    "This concerns {thing}.",
    "I need your help with a problem I have had with {office}.",
    "I would like to file a complaint about {office}.",
    "I am writing about {thing}, which has become a real problem for me.",
    "I do not know where else to turn, so I am writing to you.",
    "My name is not important, but my case with {office} is.",
)
# Neutral story sentences: the background and the time line, including durations that are not delay.
STORY = (
    "I have lived in Copenhagen for [two|three|five|almost four] years.",
    "[Three months|Half a year|A year|Six weeks] ago we moved to a new flat in [Valby|Amager|Nørrebro|"
    "Vesterbro].",
    "I work full time at [a hospital|the university|a tech company|a restaurant].",
    "I have been in contact with {office} for [a long time|about a year|several months].",
    "In the last [two|three] months I have also been [busy with a new job|on sick leave|looking after my "
    "children alone].",
    "{date} I went to {office} in person.",
    "I have kept copies of all my emails.",
    "[My partner|A friend|My colleague] helped me with the Danish forms.",
    "We have two children, [four|seven|nine] and [eleven|twelve|fourteen] years old.",
    "I sent everything they asked for {date}.",
)
AGAIN = (
    "It's me again.",
    "I am writing to you again.",
    "Sorry to write again, but nothing has changed.",
    "Here I am again about {thing}.",
    "I have to contact you once more.",
)
CLOSINGS = ("Kind regards,", "Best regards,", "Thank you in advance,", "Sincerely,", "Best,", "Thanks,")

# Relational signals by group (as training/synth/mediation.py draws them), mostly implicit.
SIGNALS = MappingProxyType(
    {
        "heard": (
            "I just want someone to listen to me.",
            "I feel like a case number, not a person.",
            "Nobody has ever asked how this has affected me.",
            "All I am asking for is to be taken seriously.",
            "It is like talking to a wall.",
            "I need someone to sit down with me and hear the whole story, not just the file.",
            "It is not about the money, it is about being treated like a human being.",
            "I want them to understand what this has done to [me|my family|us].",
            "For once I would like to feel that someone on the other side is actually listening.",
            "I have lost [weeks|months] of sleep over this, and I want someone to understand that.",
        ),
        "apology": (
            "An apology would mean a lot.",
            "Nobody has said sorry.",
            "I have never received an apology for what happened.",
            "The least they could do is admit that mistakes were made.",
            "I would like {office} to acknowledge that they treated me wrongly.",
            "If someone just said that it was not okay, I could move on.",
            "I expect a proper apology, not another form letter.",
        ),
        "distrust": (
            "I no longer trust anything they tell me.",
            "I have no trust left in {office}.",
            "It feels like they are working against me.",
            "I have started recording every phone call, because I do not trust their notes.",
            "Every time a letter arrives from {office}, my heart starts racing.",
            "I do not dare to go to meetings alone any more.",
            "The trust is gone.",
            "It has become a fight, and I do not know who is on my side.",
            "I no longer believe that anyone there wants to help me.",
        ),
        "dialogue": (
            "I would like a meeting where we can actually talk.",
            "Could you help us get a real dialogue going again?",
            "I hope we can find a way forward together.",
            "I would like to meet someone from management and talk it all through.",
            "Perhaps a meeting with a neutral person could help.",
            "I would like one fixed contact person I can rely on.",
            "I want us to be able to work together again, because we have to.",
        ),
        "others": (
            "I hope nobody else has to go through this.",
            "I am also writing so that this does not happen to other families.",
            "I hope {office} can learn something from this.",
            "There must be many others in the same situation who do not have the energy to complain.",
            "If I can stop this from happening to someone else, it is worth it.",
        ),
        "long_course": (
            "This has been going on since {date} and it is affecting my whole family.",
            "This has been dragging on for [two|three|almost four] years.",
            "It is a long story, and it is not over yet.",
            "I have lost track of how many times I have been in touch.",
            "This whole process has worn me out completely.",
            "I have been fighting {office} for {duration} now.",
        ),
    }
)
# The parties must keep working together.
ONGOING = (
    "I will have to deal with them for years, so this needs to be solved.",
    "My child goes there every day, so we have to be able to work together.",
    "We depend on {office} every single week, I cannot just walk away.",
    "The case is still open, and I will be meeting the same people again next week.",
    "We have years of contact with {office} ahead of us.",
    "I cannot simply change to another [school|case worker|office], so we need this to work.",
)
COUNTER = MappingProxyType(
    {
        "appeal": (
            "I just want the fine cancelled.",
            "I have already appealed the decision.",
            "I just want my money back.",
            "I only want the decision changed.",
            "I have sent the case to the appeals board.",
            "Could you check whether the decision is legal?",
        ),
        "closed": (
            "I have left Denmark now, but I think you should know.",
            "The case is closed now and I have nothing more to do with {office}.",
            "It is over now, thankfully, but I wanted to tell you.",
            "I do not expect anything, I just want you to be aware.",
        ),
        "question": (
            "Can you tell me how to file an official appeal?",
            "What is the deadline for complaining?",
            "Is this something you can help with at all?",
            "I would just like to know what my options are.",
        ),
    }
)
ANGER = (
    "This is absolutely unacceptable!",
    "I am furious.",
    "Is this how Denmark treats people?",
    "Ridiculous.",
    "I can't believe this.",
)
