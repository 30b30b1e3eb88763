"""English material: expats and other English speakers writing about Copenhagen departments.

Slots: {thing} the application or matter, {decision}, {office}, {staff}, {date}, {duration},
{count}, {amount}, {who} (whose case: "my", "my son's"), {person} ("I", "my son").
"""

from __future__ import annotations

from types import MappingProxyType

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
        ),
        "SUF": (
            (
                "home care",
                "the home care for my mother",
                "the home care decision",
                "the home care service",
                "the visitation officer",
            ),
        ),
        "OKF": (
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
)
CLOSINGS = ("Kind regards,", "Best regards,", "Thank you in advance,", "Sincerely,", "Best,", "Thanks,")

CAUSES = MappingProxyType(
    {
        "sagsbehandlingstid": (
            "I applied {date} and it has now been {duration} without a decision.",
            "I have been waiting for {duration} for {decision}.",
            "Nothing has happened in my case since {date}.",
            "They told me it would take two weeks, and now it has been {duration}.",
            "How long am I supposed to wait?",
            "In the meantime I cannot [open a bank account|get a doctor|sign my job contract|start work].",
        ),
        "manglende_svar": (
            "I have written {count} times and never received an answer.",
            "Nobody answers the phone, I have tried {count}.",
            "I never even got a confirmation that they received my documents.",
            "My emails seem to disappear into a black hole.",
            "I was promised a call back, but nobody called.",
            "The only reply I get is an automatic message in Danish.",
        ),
        "kommunikation": (
            "The letter was only in Danish and full of legal terms, I could not understand it.",
            "One person told me one thing on the phone and the letter said something completely different.",
            "I have received three different answers from three different people.",
            "I still don't understand what the decision actually means for me.",
            "Everything is sent to e-Boks in Danish, and Google Translate does not make sense of it.",
        ),
        "medarbejderadfaerd": (
            "{staff} was extremely rude and told me to 'learn Danish' before coming back.",
            "I was treated as if I was trying to cheat the system.",
            "{staff} laughed at my question and turned away.",
            "I have never been spoken to like that by a public official.",
            "I left the meeting in tears.",
        ),
        "partshoering": (
            "They decided without ever asking me.",
            "The decision is based on information I have never seen.",
            "Nobody gave me a chance to explain before the decision was made.",
            "They talked to my employer without telling me.",
        ),
        "begrundelse": (
            "The letter just says no, with no explanation why.",
            "I do not know what the refusal is based on.",
            "They refer to a paragraph but do not explain how it applies to me.",
            "I asked for an explanation twice but never got one.",
        ),
        "vejledning": (
            "Nobody told me there was a deadline, and now it has passed.",
            "I followed exactly what {staff} told me to do, and now they say it was wrong.",
            "I was never told that I could appeal.",
            "I only found out about my rights through a Facebook group for expats.",
        ),
        "sagsoplysning": (
            "They have written that I live at another address, which is simply wrong.",
            "My documents were sent {count}, but they say they never received them.",
            "The decision is based on an old income that is no longer correct.",
            "They did not read the doctor's letter I sent.",
        ),
        "aktindsigt": (
            "I asked to see my file {date} and still have not received it.",
            "I only got part of my file, and many pages were blacked out.",
            "Why am I not allowed to see my own documents?",
        ),
        "koordinering": (
            "I have been sent back and forth between {office} and International House.",
            "Each time I call I get a new person who does not know my case.",
            "One office says it is the other office's responsibility, and vice versa.",
            "I have had {count_people} different case workers.",
        ),
        "opfoelgning": (
            "At the meeting {date} they promised to call me within a week. Nobody called.",
            "What was agreed at the meeting has not been done.",
            "{staff} promised to fix it, but nothing happened.",
        ),
        "afgoerelsens_indhold": (
            "I simply disagree with {decision}.",
            "The decision is wrong and I want it changed.",
            "I do not think it is fair that I have to pay {amount}.",
            "Other people in my situation got a yes, so why not me?",
        ),
        "databeskyttelse": (
            "My personal information, including my CPR number, was sent to another person.",
            "I received someone else's decision in my e-Boks.",
            "{staff} discussed my case loudly in the waiting room.",
        ),
    }
)
PASSING = MappingProxyType(
    {
        "sagsbehandlingstid": ("It took a few weeks, but that is not my complaint.",),
        "manglende_svar": ("To be fair, they always answered my emails quickly.",),
        "medarbejderadfaerd": (
            "The staff at the desk were very friendly, I want to say that.",
            "{staff} was actually very kind.",
        ),
        "kommunikation": ("The letter itself was clear enough.",),
        "afgoerelsens_indhold": ("I can accept the decision itself.",),
        "sagsoplysning": ("They had all the documents.",),
        "vejledning": ("They explained my options well.",),
    }
)

SIGNALS = (
    "I just want someone to listen to me.",
    "An apology would mean a lot.",
    "I no longer trust anything they tell me.",
    "I will have to deal with them for years, so this needs to be solved.",
    "I hope nobody else has to go through this.",
    "I would like a meeting where we can actually talk.",
    "My child goes there every day, so we have to be able to work together.",
    "I feel like a case number, not a person.",
    "This has been going on since {date} and it is affecting my whole family.",
)
COUNTER = (
    "I just want the fine cancelled.",
    "I have already appealed the decision.",
    "Can you tell me how to file an official appeal?",
    "I have left Denmark now, but I think you should know.",
    "I just want my money back.",
)
CONTACT_MENTIONS = (
    "I have also written to the Lord Mayor.",
    "This is the third time I complain about the same thing.",
    "I have sent several reminders.",
)
ANGER = (
    "This is absolutely unacceptable!",
    "I am furious.",
    "Is this how Denmark treats people?",
    "Ridiculous.",
    "I can't believe this.",
)
