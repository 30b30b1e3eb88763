"""English cue material for all 13 root causes, as breadth-equal to the Danish pools as a list can be.

CAUSES: sentences that express a code (several everyday wordings each: named, told as a scene,
told through what happened). SUBTLE: a faint hint, used when a label is only weakly expressed.
PASSING: the theme mentioned, praised or denied in a complaint without that label ("I am not
complaining about the waiting time"), so a cue word alone never decides a code.

Durations ({duration}, "for weeks") appear in many codes, not only `sagsbehandlingstid`: an
unanswered inquiry, a promise not kept for weeks, a delayed access request, facts from "the last
two months". Slots as in `english.py`.
"""

from __future__ import annotations

from types import MappingProxyType

CAUSES = MappingProxyType(
    {
        "sagsbehandlingstid": (
            "I applied {date} and it has now been {duration} without a decision.",
            "I have been waiting for {duration} for {decision}.",
            "Nothing has happened in my case since {date}.",
            "They told me it would take two weeks, and now it has been {duration}.",
            "How long am I supposed to wait for {decision}?",
            "In the meantime I cannot [open a bank account|get a doctor|sign my job contract|start work|"
            "pay my rent].",
            "The website says [two|four|six] weeks, but I am still waiting after {duration}.",
            "Every month I am told it will be next month.",
            "My life is on hold until they decide.",
            "[My case|{thing}] has been [sitting in a queue|lying on someone's desk|stuck] for {duration}.",
            "The processing time they promised has long passed.",
            "Each time I ask, they say the case is [in the queue|being processed|almost done|with a "
            "colleague], and still no decision.",
            "The decision was postponed again, this time [until after the holidays|because of a backlog|"
            "without any reason].",
            "It should not take {duration} to decide something this simple.",
            "We are still waiting for a decision, and the [school year|winter|new job] starts soon.",
            "The deadline they set themselves passed weeks ago.",
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
            "I sent a question {date} and have heard nothing for {duration}.",
            "For {duration} I have been trying to reach [someone|{staff}|anyone at {office}] without "
            "success.",
            "I have been [emailing|calling|writing] them for {duration}, and nobody [replies|picks up|gets "
            "back to me].",
            "My inquiry from {date} is still unanswered.",
            "When I finally got through, I was told to send an email, and that email was never answered.",
            "The contact form on the website gives a receipt, and then nothing.",
            "[Two|Three|Several] weeks went by without a single word from them.",
            "I have left messages on the answering machine [many times|every week], nobody calls back.",
            "The email address on the letter bounces back.",
            "I asked a simple question and have still not had a reply.",
        ),
        "kommunikation": (
            "The letter was only in Danish and full of legal terms, I could not understand it.",
            "One person told me one thing on the phone and the letter said something completely different.",
            "I have received three different answers from three different people.",
            "I still don't understand what the decision actually means for me.",
            "Everything is sent to e-Boks in Danish, and Google Translate does not make sense of it.",
            "Nobody can explain to me in plain words what I am supposed to do.",
            "The letter contradicts what {staff} told me on the phone.",
            "The letter talks about paragraphs and deadlines, but not what I actually have to do.",
            "The website says one thing, the letter another, and {staff} a third.",
            "I read the letter five times and still do not know whether it is a yes or a no.",
            "Their letters are so confusing that even my Danish colleague could not understand them.",
            "I was told on the phone that everything was fine, then a letter came saying the opposite.",
            "Nobody bothered to explain what the numbers in the letter mean.",
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
            "{staff} said: '[You people always want something for free|If you don't like it, you can go "
            "back home|That is your problem, not mine|Maybe you should have read the letter]'.",
            "When I explained my situation, {staff} answered: '[Everybody has problems|We are not a charity|"
            "Come back when you have all the papers|I don't have time for this]'.",
            "{staff} looked at [her|his] phone the whole time I was talking.",
            "{staff} kept interrupting me and did not let me finish a single sentence.",
            "During the meeting {staff} rolled [her|his] eyes every time I spoke.",
            "{staff} talked about me to a colleague as if I was not in the room.",
            "{staff} walked away in the middle of our conversation.",
            "When I started to cry, {staff} just said 'next'.",
            "{staff} asked me if I really needed the help or just wanted the money.",
            "{staff} hung up on me when I asked to speak to a manager.",
            "I was told that people like me 'should be grateful'.",
        ),
        "partshoering": (
            "They decided without ever asking me.",
            "The decision is based on information I have never seen.",
            "Nobody gave me a chance to explain before the decision was made.",
            "They talked to my employer without telling me.",
            "I was never asked for my side before they decided.",
            "They used a statement from someone else that I was never shown.",
            "Nobody asked me.",
            "We were not asked at all, we were simply informed afterwards.",
            "We were only informed after [the decision had been made|everything was settled].",
            "Nobody [in the family|among the neighbours|at home] was asked before they decided.",
            "I only found out what was in my file when the decision arrived.",
            "They spoke to [my doctor|the school|my landlord|the neighbours] but never to me.",
            "I was given [three|four|five] days to comment, while I was [in hospital|abroad|ill].",
            "The decision says I was heard, but nobody ever contacted me.",
            "It was all decided over my head.",
            "I had no chance to correct what they wrote before they used it against me.",
            "They made the plan for my [son|mother|family] without involving us.",
        ),
        "begrundelse": (
            "The letter just says no, with no explanation why.",
            "I do not know what the refusal is based on.",
            "They refer to a paragraph but do not explain how it applies to me.",
            "I asked for an explanation twice but never got one.",
            "The decision does not say which rules they used.",
            "There is no reasoning at all, just the result.",
            "The letter does not mention any of the documents I sent, so I cannot see how they weighed them.",
            "All it says is that I 'do not meet the conditions', not which ones.",
            "Nobody can tell me why my application was [refused|rejected|turned down].",
            "How can I appeal when I do not even know why they said no?",
            "The refusal is two lines long and explains nothing.",
        ),
        "vejledning": (
            "Nobody told me there was a deadline, and now it has passed.",
            "I followed exactly what {staff} told me to do, and now they say it was wrong.",
            "I was never told that I could appeal.",
            "I only found out about my rights through a Facebook group for expats.",
            "If someone had told me about the rules at the start, none of this would have happened.",
            "{staff} gave me the wrong advice, and now I am paying for it.",
            "Nobody told me.",
            "I was never informed of the deadline.",
            "I found out from a friend that I could have applied for [support|a reduction|help with the "
            "costs|a free place].",
            "I only found out by chance, [from another parent|from a colleague|on a forum|from my "
            "neighbour], that there was another option.",
            "Nobody told me that I had to [register within a month|send the form before the end of the "
            "year|apply again every year|bring the original documents].",
            "I learned too late that I could have [appealed|applied for help|asked for an interpreter].",
            "When I asked what I should do, {staff} just sent me a link to the website.",
            "Had I known about the [rule|deadline|possibility], I would have applied much earlier.",
            "{staff} told me I was not entitled to anything, but I was.",
            "The letter did not say how to complain or by when.",
            "Apparently you have to know your rights yourself, because nobody tells you.",
            "It was another parent who told me, months later, that we could have applied.",
        ),
        "sagsoplysning": (
            "They have written that I live at another address, which is simply wrong.",
            "I have sent my documents {count} times, but they say they never received them.",
            "The decision is based on an old income that is no longer correct.",
            "They did not read the doctor's letter I sent.",
            "The decision mentions facts that are simply not true.",
            "They lost the papers I handed in at the desk.",
            "They did not look at the report from [the hospital|the psychologist|my specialist].",
            "They ignored the doctor's letter completely.",
            "The decision does not take into account [my operation|my new job|the birth of our child|my "
            "sick leave] in {month}.",
            "They say I [have a car|own a flat|worked in {month}|have a lodger], which is not true.",
            "They mixed my case up with someone else's.",
            "Nobody asked my doctor, even though I gave them permission.",
            "The facts in the letter are wrong: [the dates|the amounts|the names|my income] do not match.",
            "They based everything on a report that is [two|three] years old.",
            "The documents I sent are not even mentioned in the decision.",
            "They never checked what I told them, they just assumed.",
        ),
        "aktindsigt": (
            "I asked to see my file {date} and still have not received it.",
            "I only got part of my file, and many pages were blacked out.",
            "Why am I not allowed to see my own documents?",
            "I requested my file weeks ago and only got an automatic receipt.",
            "I asked for access to my [file|records|case documents|journal] {date}.",
            "I made a subject access request under the GDPR {duration} ago and have heard nothing.",
            "My GDPR request for my own records was refused without any reason.",
            "They say my request for access to my file is 'being processed', {duration} later.",
            "I asked to see the notes they wrote about me, and they said I could not.",
            "I got my file, but the notes from the meetings are missing.",
            "They sent me [ten|twenty] pages of my file, but I know there are many more.",
            "I want to see what they have written about me, and they will not let me.",
            "My request for access to the documents in my [son's|daughter's] case was refused.",
        ),
        "koordinering": (
            "I have been sent back and forth between {office} and International House.",
            "Each time I call I get a new person who does not know my case.",
            "One office says it is the other office's responsibility, and vice versa.",
            "I have had {count_people} different case workers.",
            "Nobody seems to know who is actually responsible for my case.",
            "I have to explain my whole story again to every new person.",
            "For {duration} I have been passed between [departments|offices|case workers] like a parcel.",
            "The [school|Jobcenter|hospital] and {office} do not talk to each other.",
            "My case worker changed again, and the new one had not read anything.",
            "Two departments each sent me a letter saying the opposite, and neither knows about the other.",
            "I had to bring the same papers to three different offices.",
        ),
        "opfoelgning": (
            "At the meeting {date} they promised to call me within a week. Nobody called.",
            "What was agreed at the meeting has not been done.",
            "{staff} promised to fix it, but nothing happened.",
            "We agreed on a plan, and nobody followed it.",
            "I was promised a written summary of the meeting that never came.",
            "{staff} promised to [send the form|book the interpreter|talk to the school|find a place] "
            "{duration} ago, and it still has not happened.",
            "I reported the [broken street light|blocked drain|missing bin|damaged pavement] {duration} "
            "ago, and nothing has been done.",
            "They said they would [come back to me|check it|call the landlord] the same week. That was "
            "{duration} ago.",
            "After the meeting nobody did any of the things on the list.",
            "We were promised [a new meeting|a visit|a call from the manager] in {month}, and it never came.",
            "Every time I remind them, they promise again, and nothing happens.",
            "The agreement was written down, but nobody has acted on it.",
        ),
        "afgoerelsens_indhold": (
            "I simply disagree with {decision}.",
            "The decision is wrong and I want it changed.",
            "I do not think it is fair that I have to pay {amount}.",
            "Other people in my situation got a yes, so why not me?",
            "The amount they want back is far too high.",
            "I think the refusal is unreasonable given my situation.",
            "The outcome makes no sense for a family like ours.",
            "I cannot accept that [my benefits were stopped|our application was refused|the fine stands|the "
            "help was cut].",
            "The [hours|amount|place] they gave us is not enough to live with.",
            "I want the decision reversed.",
        ),
        "databeskyttelse": (
            "My personal information, including my CPR number, was sent to another person.",
            "I received someone else's decision in my e-Boks.",
            "{staff} discussed my case loudly in the waiting room.",
            "A letter about my health was sent to my old address, where other people live now.",
            "{staff} told my [landlord|employer|neighbour] [that I am on benefits|about my debt|about my "
            "illness|about my case] without asking me.",
            "A list of [names and phone numbers|names and appointment times|who gets which kind of help] was "
            "[put up on|taped to|left on] the [notice board|wall in the hallway|door] for everyone to see.",
            "[The club|The institution|The school] shared [pictures|a video] of my [son|daughter] on "
            "[Instagram|social media|their public page] without asking us.",
            "A message to all the parents in the class mentioned my [son's|daughter's] [reading "
            "difficulties|absence|family situation].",
            "I overheard {staff} talking about another [client|resident|family] by name in the corridor, so "
            "I wonder what they say about me.",
            "{staff} gave my ex-partner [my new address|information about my case|copies of my letters].",
            "Other parents knew about my [son's|daughter's] [diagnosis|situation at home] before I had told "
            "anyone.",
            "My [name|case|address] was visible on a screen facing the waiting room.",
            "A group email went out with everyone's addresses visible, including mine.",
            "The envelope had my diagnosis written on the outside.",
            "My employer called me because someone from {office} had told them why I was on leave.",
            "{staff} left my papers on the counter, where the next person could read them.",
        ),
    }
)

SUBTLE = MappingProxyType(
    {
        "sagsbehandlingstid": ("It is all taking a very long time.", "I am still waiting."),
        "manglende_svar": ("It is very hard to get hold of anyone.", "I am not sure anyone reads my emails."),
        "kommunikation": ("I am honestly confused about what they want from me.",),
        "medarbejderadfaerd": (
            "The meeting was unpleasant.",
            "I did not feel welcome.",
            "I did not feel treated with respect.",
        ),
        "partshoering": ("It was all decided without me.", "I feel left out of my own case."),
        "begrundelse": ("I do not understand why they said no.",),
        "vejledning": (
            "I wish someone had told me earlier.",
            "I did not know what I was supposed to do.",
            "I had to find everything out myself.",
        ),
        "sagsoplysning": ("I am not sure they read what I sent.", "Some of what they wrote is not right."),
        "aktindsigt": ("I would like to see what is in my file.",),
        "koordinering": ("Nobody seems to know who is in charge.",),
        "opfoelgning": ("I am still waiting for what we agreed.",),
        "afgoerelsens_indhold": ("I do not think the result is fair.",),
        "databeskyttelse": (
            "I worry about who else can see my information.",
            "Some people now know things they should not know.",
        ),
    }
)

PASSING = MappingProxyType(
    {
        "sagsbehandlingstid": (
            "It took a few weeks, but that is not my complaint.",
            "The decision came quickly, I will give them that.",
            "I am not complaining about the waiting time.",
            "To be fair, the case was handled fast.",
        ),
        "manglende_svar": (
            "To be fair, they always answered my emails quickly.",
            "I did get answers, that is not the problem.",
            "They always pick up the phone.",
        ),
        "kommunikation": (
            "The letter itself was clear enough.",
            "I understood the letter perfectly well.",
            "They explained it to me in English, which I appreciated.",
        ),
        "medarbejderadfaerd": (
            "The staff at the desk were very friendly, I want to say that.",
            "{staff} was actually very kind.",
            "Nobody was rude to me, I want to be clear about that.",
            "I have nothing against {staff} personally.",
        ),
        "partshoering": (
            "I was asked for my comments before they decided, that was fine.",
            "They did send me the papers to comment on.",
        ),
        "begrundelse": (
            "The decision explains the reasons well enough.",
            "I understand why they said no.",
        ),
        "vejledning": (
            "They explained my options well.",
            "I was told how to appeal, and I have done it.",
            "The letter explained how to complain.",
        ),
        "sagsoplysning": (
            "They had all the documents.",
            "The facts in the decision are correct.",
            "I do not dispute what they wrote about my situation.",
        ),
        "aktindsigt": (
            "I got a copy of my file without problems.",
            "I have seen my file, that is not the issue.",
        ),
        "koordinering": (
            "I have had the same case worker all along.",
            "The two offices did work together in the end.",
        ),
        "opfoelgning": (
            "They did what they promised at the meeting.",
            "The follow-up after the meeting was fine.",
        ),
        "afgoerelsens_indhold": (
            "I can accept the decision itself.",
            "The outcome itself is not what I am writing about.",
            "This is not about the result.",
            "I am not asking you to change the decision.",
        ),
        "databeskyttelse": (
            "I gave them permission to contact my doctor.",
            "I am not worried about my data, that is not what this is about.",
        ),
    }
)
