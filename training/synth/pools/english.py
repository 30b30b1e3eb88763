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
    "I need your help with a problem I have had with {office}.",
    "I would like to file a complaint about {office}.",
    "I am writing about {thing}, which has become a real problem for me.",
    "I do not know where else to turn, so I am writing to you.",
    "My name is not important, but my case with {office} is.",
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
            "The website says [two|four|six] weeks, but I am still waiting after {duration}.",
            "Every month I am told it will be next month.",
            "My life is on hold until they decide.",
        ),
        "manglende_svar": (
            "I have written {count} times and never received an answer.",
            "Nobody answers the phone, and I have tried {count} times.",
            "I never even got a confirmation that they received my documents.",
            "My emails seem to disappear into a black hole.",
            "I was promised a call back, but nobody called.",
            "The only reply I get is an automatic message in Danish.",
            "The phone line closes before I even get through the queue.",
            "My emails are not answered, not even with a short confirmation.",
            "{staff} said they would get back to me, and then silence.",
        ),
        "kommunikation": (
            "The letter was only in Danish and full of legal terms, I could not understand it.",
            "One person told me one thing on the phone and the letter said something completely different.",
            "I have received three different answers from three different people.",
            "I still don't understand what the decision actually means for me.",
            "Everything is sent to e-Boks in Danish, and Google Translate does not make sense of it.",
            "Nobody can explain to me in plain words what I am supposed to do.",
            "The letter contradicts what {staff} told me on the phone.",
        ),
        "medarbejderadfaerd": (
            "{staff} was extremely rude and told me to 'learn Danish' before coming back.",
            "I was treated as if I was trying to cheat the system.",
            "{staff} laughed at my question and turned away.",
            "I have never been spoken to like that by a public official.",
            "I left the meeting in tears.",
            "{staff} spoke to me as if I were stupid.",
            "I was shouted at in front of other people in the waiting area.",
            "When I asked a question, {staff} just sighed and said it was not their problem.",
        ),
        "partshoering": (
            "They decided without ever asking me.",
            "The decision is based on information I have never seen.",
            "Nobody gave me a chance to explain before the decision was made.",
            "They talked to my employer without telling me.",
            "I was never asked for my side before they decided.",
            "They used a statement from someone else that I was never shown.",
        ),
        "begrundelse": (
            "The letter just says no, with no explanation why.",
            "I do not know what the refusal is based on.",
            "They refer to a paragraph but do not explain how it applies to me.",
            "I asked for an explanation twice but never got one.",
            "The decision does not say which rules they used.",
            "There is no reasoning at all, just the result.",
        ),
        "vejledning": (
            "Nobody told me there was a deadline, and now it has passed.",
            "I followed exactly what {staff} told me to do, and now they say it was wrong.",
            "I was never told that I could appeal.",
            "I only found out about my rights through a Facebook group for expats.",
            "If someone had told me about the rules at the start, none of this would have happened.",
            "{staff} gave me the wrong advice, and now I am paying for it.",
        ),
        "sagsoplysning": (
            "They have written that I live at another address, which is simply wrong.",
            "I have sent my documents {count} times, but they say they never received them.",
            "The decision is based on an old income that is no longer correct.",
            "They did not read the doctor's letter I sent.",
            "The decision mentions facts that are simply not true.",
            "They lost the papers I handed in at the desk.",
        ),
        "aktindsigt": (
            "I asked to see my file {date} and still have not received it.",
            "I only got part of my file, and many pages were blacked out.",
            "Why am I not allowed to see my own documents?",
            "I requested my file weeks ago and only got an automatic receipt.",
        ),
        "koordinering": (
            "I have been sent back and forth between {office} and International House.",
            "Each time I call I get a new person who does not know my case.",
            "One office says it is the other office's responsibility, and vice versa.",
            "I have had {count_people} different case workers.",
            "Nobody seems to know who is actually responsible for my case.",
            "I have to explain my whole story again to every new person.",
        ),
        "opfoelgning": (
            "At the meeting {date} they promised to call me within a week. Nobody called.",
            "What was agreed at the meeting has not been done.",
            "{staff} promised to fix it, but nothing happened.",
            "We agreed on a plan, and nobody followed it.",
            "I was promised a written summary of the meeting that never came.",
        ),
        "afgoerelsens_indhold": (
            "I simply disagree with {decision}.",
            "The decision is wrong and I want it changed.",
            "I do not think it is fair that I have to pay {amount}.",
            "Other people in my situation got a yes, so why not me?",
            "The amount they want back is far too high.",
            "I think the refusal is unreasonable given my situation.",
        ),
        "databeskyttelse": (
            "My personal information, including my CPR number, was sent to another person.",
            "I received someone else's decision in my e-Boks.",
            "{staff} discussed my case loudly in the waiting room.",
            "A letter about my health was sent to my old address, where other people live now.",
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
