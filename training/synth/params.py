"""Every number that shapes the synthetic corpus, in one place (the data card cites these).

Rates are per complaint unless said otherwise. Changing a value changes the corpus for
every seed, so the data card's measured numbers must be regenerated after an edit.
"""

from __future__ import annotations

from datetime import date
from types import MappingProxyType
from typing import Final

# --- period and scale --------------------------------------------------------------------
FIRST_DAY: Final = date(2021, 1, 1)
LAST_DAY: Final = date(2025, 12, 31)
HISTORY_DAYS: Final = 365  # contacts may start this long before FIRST_DAY (earlier history)
CITIZENS_PER_COMPLAINT: Final = 0.45  # complainants ~ 0.45 x complaints
CONTACT_ONLY_CITIZEN_SHARE: Final = 0.06  # extra citizens with contacts but no complaint
COMPLAINT_WEIGHT_SIGMA: Final = 0.9  # log-normal spread of complaints per citizen
COMPLAINT_WEIGHT_INTENSITY: Final = 0.55  # conflict intensity -> more complaints

# --- departments -------------------------------------------------------------------------
# Shares of complaints; "" is a complaint the advisor could not place (JSON null).
DEPARTMENT_SHARES: Final = MappingProxyType(
    {"BIF": 0.26, "SOF": 0.23, "BUF": 0.15, "SUF": 0.13, "TMF": 0.11, "KFF": 0.06, "OKF": 0.04, "": 0.02}
)
SAME_DEPARTMENT_AGAIN: Final = 0.8  # a repeat complaint stays in the citizen's main department

# --- channels and styles -------------------------------------------------------------------
# style -> (share among Danish texts, {channel: share within style})
STYLES: Final = MappingProxyType(
    {
        "rolig": (0.27, {"email": 0.45, "digital_post": 0.35, "brev": 0.20}),
        "vred": (0.17, {"email": 0.70, "webformular": 0.25, "digital_post": 0.05}),
        "paaroerende": (0.14, {"email": 0.50, "digital_post": 0.25, "brev": 0.20, "webformular": 0.05}),
        "telefonnotat": (0.12, {"telefon": 1.0}),
        "advokat": (0.04, {"digital_post": 0.45, "email": 0.35, "brev": 0.20}),
        "webformular": (0.20, {"webformular": 1.0}),
        "personligt_notat": (0.06, {"personligt": 1.0}),
    }
)
# Citizens who write in English (expats); a citizen trait. About one in six Copenhageners is a foreign
# citizen, and a complaint to the citizen advisor needs some Danish to write; 15% is the middle of the
# plausible 10-20% (session 4; was 5%, too little for the English texts to teach every code).
ENGLISH_SHARE: Final = 0.15

# --- root causes ---------------------------------------------------------------------------
# Base propensity of each cause (long-tailed), multiplied by a department factor below.
CAUSE_BASE: Final = MappingProxyType(
    {
        "sagsbehandlingstid": 1.00,
        "manglende_svar": 0.90,
        "kommunikation": 0.55,
        "medarbejderadfaerd": 0.50,
        "partshoering": 0.26,
        "begrundelse": 0.26,
        "vejledning": 0.32,
        "sagsoplysning": 0.36,
        "aktindsigt": 0.07,
        "koordinering": 0.30,
        "opfoelgning": 0.30,
        "afgoerelsens_indhold": 0.62,
        "databeskyttelse": 0.06,
    }
)
# department -> {cause: factor}; causes not listed keep factor 1.
CAUSE_DEPARTMENT_FACTOR: Final = MappingProxyType(
    {
        "BIF": {"sagsoplysning": 1.6, "partshoering": 1.5, "afgoerelsens_indhold": 1.3, "koordinering": 1.2},
        "SOF": {"koordinering": 1.7, "sagsbehandlingstid": 1.2, "partshoering": 1.4, "opfoelgning": 1.3},
        "BUF": {"kommunikation": 1.5, "medarbejderadfaerd": 1.4, "koordinering": 1.4, "opfoelgning": 1.3},
        "SUF": {"opfoelgning": 1.7, "medarbejderadfaerd": 1.5, "koordinering": 1.2, "begrundelse": 0.8},
        "TMF": {"sagsbehandlingstid": 1.5, "afgoerelsens_indhold": 1.4, "medarbejderadfaerd": 0.6},
        "KFF": {"manglende_svar": 1.5, "sagsbehandlingstid": 1.3, "vejledning": 1.5, "partshoering": 0.3},
        "OKF": {"kommunikation": 1.6, "afgoerelsens_indhold": 1.3, "vejledning": 1.4, "partshoering": 0.4},
        "": {},
    }
)
# Symmetric affinity: how much an already chosen cause raises the odds of another.
CAUSE_AFFINITY: Final = MappingProxyType(
    {
        ("sagsbehandlingstid", "manglende_svar"): 5.0,
        ("partshoering", "begrundelse"): 3.5,
        ("partshoering", "sagsoplysning"): 3.8,
        ("begrundelse", "afgoerelsens_indhold"): 2.2,
        ("sagsoplysning", "afgoerelsens_indhold"): 2.0,
        ("medarbejderadfaerd", "kommunikation"): 3.8,
        ("koordinering", "kommunikation"): 2.6,
        ("koordinering", "sagsbehandlingstid"): 1.8,
        ("opfoelgning", "manglende_svar"): 1.9,
        ("opfoelgning", "medarbejderadfaerd"): 1.5,
        ("vejledning", "kommunikation"): 1.7,
        ("vejledning", "afgoerelsens_indhold"): 1.4,
        ("aktindsigt", "sagsoplysning"): 2.2,
        ("aktindsigt", "sagsbehandlingstid"): 1.6,
        ("databeskyttelse", "medarbejderadfaerd"): 1.6,
        ("afgoerelsens_indhold", "manglende_svar"): 0.6,
    }
)
CAUSE_COUNT_PROBS: Final = (0.44, 0.39, 0.17)  # one, two or three causes
RELATIONAL_CAUSES: Final = ("medarbejderadfaerd", "opfoelgning", "kommunikation", "partshoering")
RELATIONAL_INTENSITY_BOOST: Final = 0.35  # log-odds per unit of conflict intensity
UNLABELLED_MENTION_RATE: Final = 0.35  # a secondary cause expressed but not labelled
CAUSE_DISTRACTOR_RATE: Final = 0.5  # a denied or in-passing mention of a non-label cause
WEAK_EXPRESSION_RATE: Final = 0.25  # a label expressed only by one subtle sentence

# --- the latent mediation process ---------------------------------------------------------
# logit = B0 + B_INTENSITY*z + B_TEXT*t + B_CONTACT*c + B_RELATIONAL*r + B_ONGOING*o
#         + B_APPEAL*a + B_EARLIER*min(earlier, 3)
MEDIATION_B0: Final = -11.4
MEDIATION_B_INTENSITY: Final = 0.5
MEDIATION_B_TEXT: Final = 5.5
MEDIATION_B_CONTACT: Final = 5.0
MEDIATION_B_RELATIONAL: Final = 0.45
MEDIATION_B_ONGOING: Final = 0.7
MEDIATION_B_APPEAL: Final = -0.9
MEDIATION_B_EARLIER: Final = 0.22
MEDIATION_LABEL_FLIP: Final = 0.008  # share of labels flipped at random (judgement noise)
INTENSITY_EPISODE_SIGMA: Final = 0.35  # a complaint's intensity wobbles around the citizen's
# c = rho c_i + sqrt(1 - rho^2) e: a citizen in a locked course keeps chasing and escalating from one
# complaint to the next (session 4; before, c was drawn afresh for every complaint)
CONTACT_PERSISTENCE: Final = 0.6

# --- text signals of the latent ------------------------------------------------------------
SIGNAL_BASE: Final = -3.3  # log-odds of a relational signal sentence at t = z = 0
SIGNAL_TEXT_WEIGHT: Final = 3.2
SIGNAL_INTENSITY_WEIGHT: Final = 0.25
COUNTER_SIGNAL_BASE: Final = -1.2  # "just change the decision" sentences

# --- the complaint course told in the text (training/synth/course.py) -----------------------
# Each of three tries tells one fact of the contact history before the complaint (how often the
# citizen wrote, called, chased, complained, wrote to the mayor) with probability
# sigmoid(COURSE_BASE + COURSE_CONTACT c + COURSE_INTENSITY z + COURSE_TEXT t + style
#         + COURSE_VOLUME log(1 + contacts in 120 days + 2 mayor letters)).
COURSE_BASE: Final = -3.6
COURSE_CONTACT: Final = 0.9
COURSE_INTENSITY: Final = 0.35
COURSE_TEXT: Final = 0.3
COURSE_VOLUME: Final = 0.6
COURSE_STYLE: Final = MappingProxyType(
    {"vred": 0.8, "telefonnotat": 0.3, "personligt_notat": 0.3, "advokat": 0.2, "webformular": -0.4}
)
# A repeat complaint opens "det er mig igen" with probability sigmoid(AGAIN_BASE + AGAIN_CONTACT c)
AGAIN_BASE: Final = -2.0
AGAIN_CONTACT: Final = 1.0
THREAT_BASE: Final = -3.4  # a threat to go to the mayor or the press (no mayor letter yet)

# --- contacts ------------------------------------------------------------------------------
BACKGROUND_CONTACTS_PER_YEAR: Final = 0.4  # inquiries outside complaint episodes
PRE_EPISODE_DAYS: Final = 120
PRE_EPISODE_MAX: Final = 30  # even the most persistent citizen's episode is capped
PRE_EPISODE_BASE: Final = 0.2  # log mean of contacts before a complaint
PRE_EPISODE_INTENSITY: Final = 0.15
PRE_EPISODE_CONTACT: Final = 1.25
ACCELERATION_CONTACT: Final = 0.5  # how strongly c pulls contacts toward received_at
# Locked conflicts are the courses where the citizen chases and writes to the mayor again and again
# (background: the pilot "særligt velegnet til klageforløb, hvor borgerne gentagende gange henvender
# sig til borgmesteren"), so the contact component c drives chasers and mayor letters strongly
# (session 4; before, only 21% of mediation-positive complaints had a mayor letter in the year before,
# against 12% of negatives).
CHASER_BASE: Final = -1.6  # per contact: is it a chaser (rykker)?
CHASER_CONTACT: Final = 1.2
MAYOR_BASE: Final = -3.1  # per complaint: did the citizen escalate to the mayor?
MAYOR_CONTACT: Final = 2.3
MAYOR_INTENSITY: Final = 0.25
MAYOR_REPEAT: Final = 0.5  # extra letters to the mayor: Poisson(MAYOR_REPEAT exp(MAYOR_REPEAT_CONTACT c))
MAYOR_REPEAT_CONTACT: Final = 0.8
POST_EPISODE_MEAN: Final = 0.4  # contacts after a complaint (answers, meetings)
KLAGE_TO_DEPARTMENT_FIRST: Final = 0.3  # the citizen complained to the department first (at c = 0)
KLAGE_TO_DEPARTMENT_CONTACT: Final = 0.7  # log-odds per unit of c

# --- surface noise -------------------------------------------------------------------------
NO_AEOEAA_SHARE: Final = 0.06  # citizens who type without æøå (ae/oe/aa); a citizen trait
OCR_SHARE_OF_LETTERS: Final = 0.45  # scanned letters with OCR damage
TYPO_RATE_PER_WORD: Final = MappingProxyType(
    {"vred": 0.018, "webformular": 0.015, "rolig": 0.004, "paaroerende": 0.007, "telefonnotat": 0.006}
)

# --- personal data (probability that a text contains the kind) -----------------------------
PERSONAL_DATA_RATES: Final = MappingProxyType(
    {
        "signature_name": 0.34,
        "staff_name": 0.2,
        "other_name": 0.1,
        "cpr": 0.07,
        "address": 0.11,
        "phone": 0.12,
        "email": 0.07,
        "case_number": 0.15,
    }
)
NON_DANISH_NAME_SHARE: Final = 0.22
