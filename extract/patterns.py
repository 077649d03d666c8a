"""Every vocabulary and regular expression of the city-pair tagger, as data (English and Russian), compiled once."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from extract.prefilter import Cues, Literals, cue, cues, words_ci


def words(*tokens: str) -> str:
    """Join alternatives into one non-capturing regex group (tokens are regex fragments)."""
    return "(?:" + "|".join(tokens) + ")"


def compile_ci(*tokens: str) -> re.Pattern[str]:
    """Compile alternatives, case-insensitive, anchored at a word start."""
    return re.compile(r"(?<![\w])" + words(*tokens), re.IGNORECASE)


def cues_ci(*tokens: str) -> Cues:
    """The same alternatives compiled apart, each with the literal pre-test its own source allows (see prefilter):
    searched in every context sentence, they are the tagger's most frequent regexes."""
    return cues(compile_ci(token) for token in tokens)


# Twinning words: they make a pair explicit (annotation rule) and open a twinning context.
TWIN_CUES = (
    r"sister[- ]?(?:cit(?:y|ies)|state|states|county|counties|port|region|town|relationship|communit)\w*",
    r"sister[- ]cit",
    # "sister ties", "its sister-province relationship", "signed their sister agreement"
    r"sister[- ](?:ties|tie|links?|agreements?|relations|provinces?|prefectures?|accords?|pacts?)\b",
    # a heading over both kinds, in title case: "Sister and Friendship States and Provinces of …", "Sister/Friendship
    # Cities" (not "more than 30 sister and friendship cities", a count)
    r"(?-i:Sister) ?(?:and|&|/) ?(?-i:Friendship) (?-i:Cit|States?\b|Provinc|Regions?\b|Prefectur|Towns?\b)",
    r"twin[- ]?(?:town|city|cities|region|regions)s?",
    r"twinned",
    r"twinning",
    r"(?:is|are|was|were) twins? with",  # machine translation: "The city of Yaroslavl is twin with such cities as:"
    # "its Russian twin Petrozavodsk", "a twin of Toulouse"; not "a twin destination"
    r"(?:first|new|oldest|another|its|their|our|a)(?: (?-i:[A-Z][a-z]+))? twins?(?![-\w])(?!\s+(?!of\b|in\b|since\b|for\b|and\b|to\b|with\b|is\b|was\b)(?-i:[a-z]))",
    r"(?:officially )?related regions",
    r"jumelage",
    r"partnerst[aä]dt\w*",
    r"st[aä]dtepartnerschaft\w*",
    r"побратим\w*",
    r"побрат\w*",
    r"породн\w*",
    r"brother[- ]?cit(?:y|ies)",  # machine translation of «побратим» on Russian municipal sites
    r"братск\w* (?:отношени|связ)\w*",
    r"(?:brotherly|fraternal) (?:relations|ties|cit(?:y|ies)|towns?)",  # machine translation of «побратимские связи»
)
# A "twinning programme" of universities or schools is an academic exchange, not a town twinning (checked only where
# the sentence names such an institution).
ACADEMIC_TWINNING = compile_ci(r"twinning (?:programmes?|programs?|projects?|schemes?|degrees?)")
ACADEMIC_RE = compile_ci(r"universit\w*", r"polytechnic\w*", r"colleges?", r"schools?", r"institutes?", r"academ\w*",
                         r"университет\w*", r"институт\w*", r"школ\w*")
# Partner words: a formal partnership is a pair too, but implicit (explicit=False).
PARTNER_CUES = (
    r"partner[- ]?(?:cit(?:y|ies)|region|regions|town)s?",
    r"partnership\w*",
    r"pairing",
    # "friendship-city relations" (the Chinese youhao chengshi), "friendship towns"
    r"friendship[- ](?:cit(?:y|ies)|towns?|regions?|provinces?)",
    r"cooperation (?:agreement|programme|program|plan)",
    r"agreements? (?:on|about|of) (?:the )?(?:[\w,-]+ ){0,7}(?:cooperation|partnership|friendship)",
    r"road ?maps? (?:on|for|of) (?:[\w,-]+ ){0,3}cooperation",
    r"дорожн\w* карт\w* (?:по |о )?(?:[\w,-]+ ){0,3}сотрудничеств\w*",
    r"memorand(?:um|a) (?:of|on) (?:[\w,-]+ ){0,4}(?:understanding|cooperation|partnership|friendship)",
    r"friendly (?:[\w-]+ ){0,2}(?:ties|relations|cooperation)",  # "friendly province-oblast relations"
    r"cooperation road ?maps?",
    r"подписал\w* (?:\w+ )?соглашени\w* с",  # «область подписала соглашения с … областями»
    r"(?:давни\w*|надёжн\w*|надежн\w*|близки\w*) (?:и \w+ )?партн[её]р\w*",  # «давние и надёжные партнёры»
    r"friendship (?:exchange|agreement)s?",
    r"(?:город|регион)\w*[- ]партн[её]р\w*",  # «Регионы-партнёры Астраханской области:»
    r"партн[её]рск\w* (?:связ|отношени|соглашени)\w*",
    r"партн[её]рств\w*",
    r"партн[её]р\w* (?:город|регион)\w*",
    r"партн[её]рами (?:[\w-]+ ){0,3}(?:являются|являлись|стали)",
    r"(?:являются|являлись|стали|станут) (?:[\w-]+ ){0,2}партн[её]рами",
    r"(?:have been|has been|are|were|became|become) partners",  # not "natural/strategic/trading partners"
    r"partners (?:include|included|including)\b",  # "Other active partners include Jalisco, Mexico; …"
    # "the partners of Ulyanovsk also are Meissen (Germany), …": a place's partners listed after it
    (
        r"(?<!trading )(?<!trade )(?<!strategic )(?<!business )partners of (?:[\w'’.-]+ ){1,3}(?:also |too )?"
        r"(?:are|were|include|included)\b"
    ),
    r"дружественн\w* (?:связ|отношени|город)\w*",
    r"соглашени\w* о (?:[\w,-]+ ){0,7}(?:сотрудничестве|партн[её]рстве|дружбе)",
    r"меморандум\w*",
    r"(?:maintains?|maintained|поддержива\w*) (?:\w+ )?(?:ties|relations|links|связи|отношения)",
    r"(?:программ|план)\w* (?:\w+ )?сотрудничества",  # «план сотрудничества на 2024–2026 годы»
    r"договор\w* о (?:сотрудничестве|дружбе)",
)
# Relationship words: a sentence without a twinning word that follows one states a pair only with one of these
# ("The relationship dates from 1992", "связи с японским Саппоро"), not a mere co-mention ("thanked Brno for convoys").
RELATION_CUES = (
    r"relationships?",
    r"relations",
    r"ties",
    r"tie",
    r"links?",
    r"contacts?",
    r"cooperat\w*",
    r"exchanges?",
    r"delegations?",
    r"visit\w*",
    r"agreements?",
    r"anniversar\w*",
    r"friendships?",
    r"partners?",
    r"since",
    r"dialog\w*",
    r"pairs?",
    r"пар[аыу]",
    r"in touch",
    r"greetings?",
    r"congratulat\w*",
    r"поздрав\w*",
    r"диалог\w*",
    r"связ\w*",
    r"отношени\w*",
    r"контакт\w*",
    r"сотруднич\w*",
    r"обмен\w*",
    r"делегаци\w*",
    r"визит\w*",
    r"соглашени\w*",
    r"годовщин\w*",
    r"лет\w*",
    r"дружб\w*",
    r"партн[её]р\w*",
    r"с \d{4}",
)
# A heading's final colon, before any footnote marks ("Novosibirsk is twinned with:[71]").
LIST_TITLE = re.compile(
    r"(?:our |the )?(?:(?:international |foreign )?(?:partner|sister|twin|twinned|friendship)[- ]"
    r"(?:cities|towns|regions|states|municipalities|provinces|prefectures)|twin towns and sister cities"
    r"|(?:города|регионы)-(?:побратимы|партн[её]ры)|побратимы|партн[её]ры)(?:\s*<br\s*/?>)*\s*$",
    re.IGNORECASE,
)
HEADING_END = re.compile(r":(?:\s*\[[^\]\n]{1,12}\])*\s*$")
# A twinning list's heading that ends with its owner: "TWIN CITIES AND FRIENDSHIP CITIES OF THE MUNICIPALITY OF VOLOS",
# "Sister cities of Kanazawa" (the name, then only markup to the line's end).
HEADING_OWNER_BEFORE = re.compile(
    r"\bof\s+(?:the\s+)?(?:(?:city|town|municipality|borough|district|county|region|province|prefecture)\s+of\s+)?$",
    re.IGNORECASE,
)
HEADING_OWNER_AFTER = re.compile(r"[\s:]*(?:<br\s*/?>)?\s*$", re.IGNORECASE)
# A sentence adding to what came before ("In addition, …", «Кроме того, …»).
ADDITIVE_OPEN = re.compile(
    r"\W*(?:in addition|besides|additionally|also|кроме того|помимо этого|также|а также)\b", re.IGNORECASE
)
# "A and B … C and D respectively": the pairs go in order (A–C, B–D).
RESPECTIVELY = compile_ci(r"respectively", r"соответственно")
# Near misses: a sentence about these is not a twinning statement unless it also has a twinning word.
NEAR_MISS_CUES = (
    r"flights?",
    r"flew",
    r"airlines?",
    r"airways",  # "Uzbekistan Airways has resumed its Tashkent–New York service"
    r"(?:air|nonstop|non-stop|direct) (?:service|link|connection)s?",
    r"air route",
    r"(?:cargo|container) (?:ships?|vessels?|services?|routes?)|bulk carriers?|shipping (?:lines?|routes?|time)",  # sea freight
    r"summit",
    r"(?:forum|conference|congress) (?:drew|attracted|brought together|gathered)",  # "the forum drew delegations from …"
    r"delegations from (?:more than |over |some )?\d+",
    r"trade missions?",  # "a trade mission from Gwangju, Korea, visited the port": business, not a partnership
    r"(?:with |welcom\w* )?guests from",  # "a 'Kapana Fest' with guests from Thessaloniki, Skopje and Niš"
    r"гост\w* из",
    # "held talks with delegations from Surat and Rajkot on trade": business talks, not a partnership
    r"talks with (?:the )?(?:business |trade )?(?:delegations?|officials|representatives|companies|businesses)\b",
    r"attract\w* (?:\w+ )?investments?",  # "will visit Budapest and Prague to attract investment"
    r"embass(?:y|ies)",
    r"consulate\w*",
    r"ambassadors?",
    r"universit(?:y|ies)",
    r"match(?:es)?",
    r"game",
    r"stadium",
    r"hockey",
    r"tensions?",
    r"авиа\w*",
    r"рейс\w*",
    r"саммит\w*",
    r"посольств\w*",
    r"консульств\w*",
    r"посол\w*",
    r"университет\w*",
    r"матч\w*",
    r"хокке\w*",
    r"чемпионат\w*",
    r"compan(?:y|ies)",  # business deals and delegations of companies are not municipal partnerships
    r"partnership deals?",  # "investors have signed partnership deals with Colombian developers"
    # "its partnership with a literature festival in Kraków", "Gloucester Rugby … partnership with … side"
    r"partnerships? with (?:a |an |the )?(?:[\w.-]+ ){0,3}(?:festivals?|clubs?|teams?|side|museums?|theatres?|orchestras?|hospitals?)\b",
    r"businessm[ae]n",
    r"бизнесмен\w*",
    r"компани[йяиюе]\w*",
    r"предпринимател\w*",
    r"named (?:after|for)",  # a namesake is not a twin ("Bristol, England — the city the towns were named after")
    r"назван\w* в честь",
    r"older than",
    r"larger than",
    r"bigger than",
    r"similar to",
    r"by way of",
    r"via",
    r"en route",
    r"route",
    r"canal",
    r"railway",
    r"ferry",
    r"маршрут\w*",
    r"через(?= (?-i:[А-ЯЁ]))",  # «через Москву, Красноярск и Норильск»: a route (not «через год»)
    r"паром\w*",
    r"автобус\w*",
    r"старше",
    r"больше чем",
    r"крупнее",
)
# The guest "partner city" of a fair or forum is not a twinning partner: one more kind of near miss.
GUEST_PARTNER_CUES = (
    (
        r"partner (?:city|country|region|cities|countries|regions) of (?:the |this year's |last year's )?(?:[\w-]+ ){0,3}"
        r"(?:fair|forum|exhibition|expo|festival|show|congress|summit)"
    ),
    r"(?:город|стран|регион)\w*-партн[её]р\w* (?:[\w«»-]+ ){0,3}(?:выставк|форум|ярмарк|фестивал|салон|конгресс|саммит)\w*",
    r"guest (?:country|region|city) of hono(?:u)?r",  # "This year's expo has Kazakhstan as its guest country of honor"
    # "Tatarstan trade fair names Uzbekistan's Samarkand region as partner region"
    (
        r"(?:fair|forum|exhibition|expo|festival|show|congress)s? (?:names?|named|picks?|picked|chooses|chose) "
        r"(?:[\w'’-]+ ){0,4}as (?:its |the )?partner"
    ),
)
# Government wording: two capitals named with it are states ("relations between Moscow and Washington").
GOVERNMENT_CUES = (
    r"relations",
    r"tensions?",
    r"talks",
    r"negotiat\w*",
    r"diplomat\w*",
    r"sanctions?",
    r"Kremlin",
    r"White House",
    r"отношени\w*",
    r"напряж\w*",
    r"переговор\w*",
    r"диплома\w*",
    r"санкц\w*",
    r"Кремл\w*",
    r"Белый дом",
)
# A decision put off: a proposal still open, and one a status word does not conclude ("put off a decision on whether to …").
_PUT_OFF_DECISION = r"(?:put off|defer\w*|postpone\w*|delay\w*) (?:a |the |its |any )?decision"
# Proposals that were not concluded: no pair (annotation rule).
PROPOSAL_CUES = (
    r"(?:could|can|may|might|would|should) (?:become|be)(?: \w+)? (?:sister|twin)",
    r"ready to become",
    r"(?:wants?|wanted|hopes?|hoped|plans?|planned|seeks?|sought|aims?|intends?|would like)(?: \w+)? to (?:become|establish|form|sign)",
    r"exploratory",
    r"(?:protocol|letter|memorand(?:um|a)|declaration)s? of intent\w*",  # a declaration of intent precedes an agreement
    r"(?:протокол|меморандум|письм)\w* о намерени\w*",
    r"nothing (?:is|has been|was) (?:yet )?signed",  # "talks … have made good progress, though nothing is signed yet"
    r"(?:is|has|have) not (?:yet )?(?:been )?signed",
    r"(?:ready|prepared) to sign",
    r"готов\w* подписать",
    r"(?:хотят|хочет|планиру\w+|намерен\w*|намерева\w+) (?:\w+ )?(?:стать|установить|подписать)",
    r"инициатив\w* (?:\w+ )?(?:установ|подпис|стать|заключ)\w*",
    r"(?:initiative|offer|invitation) to (?:establish|become|sign|form)",
    r"propos\w*",
    r"suggest\w*",
    r"consider(?:ing|s)? (?:becoming|establishing)",
    r"consider\w* [^.;]{1,60} as (?:a |an |its |their )?(?:first |new |next )?(?:sister|twin|partner)",
    r"poll\w*",
    r"(?:может|могут|готов\w*) стать",
    r"могл\w* бы стать",
    r"candidates?",
    r"кандидат\w*",
    r"discuss(?:ed|es|ing)? (?:\w+ )?(?:twinning|sister|becoming)",
    r"обсужда\w*",
    r"(?:договорились|решили|намерены|планируют) обсудить",
    r"обсуд\w* возможн\w*",
    r"обсудил\w* (?:вопрос\w* )?(?:об? )?(?:установлени|подписани)\w*",  # «главы … обсудили установление связей»
    r"обсуд\w* (?:вопрос\w* )?(?:об? )?побратимств\w*",  # «стороны обсудили побратимство Кемерова и Оша»
    r"проработ\w* вопрос",  # «решено проработать вопрос о побратимстве»
    r"возможн\w* (?:установлени|подписани)\w*",
    r"предлож\w*",
    r"предлага\w*",
    _PUT_OFF_DECISION,
    r"whether to (?:enter|establish|become|sign|form|pursue|join)",
    r"whether (?:[\w-]+ ){0,4}ever\b",  # "asked whether the City had ever had a relationship with …"
    r"(?:idea|prospect|notion) of (?:[\w-]+ ){0,2}(?:twinning|sister|partner)",  # "The idea of twinning Abuja with Brasília"
    r"looking for (?:a |an )?(?:new )?(?:twin|sister|partner)",  # "still looking for a twin town"
    r"(?:could|would|might) be a good (?:fit|match|partner)",
    r"в планах",  # «В планах — подписание договора о побратимстве с …»
    r"explor(?:e|es|ed|ing)\b",  # "to explore a formal twinning arrangement with …"
    r"feasibility",  # "to report on the feasibility of a cultural partnership with …"
    # "Asked during the meeting whether St. Petersburg had any formal ties …", "asked whether the city planned new …"
    r"asked (?:[\w-]+ ){0,3}whether (?:[\w.-]+ ){0,4}(?:had|has|have|planned|plans|could|would|might) (?:any|new|ever|a)\b",
    r"whether (?:[\w-]+ ){0,8}(?:could|would|might) (?:lead to|become|be)\b",  # "asked whether the links could lead to …"
    r"pending (?:\w+ )?(?:vote|approval|decision|signature|review)",  # "Friendship agreement (pending council vote)"
    # «Благовещенск может породниться с монгольским Эрдэнэтом»: may, wants to or plans to become twinned
    r"(?:может|могут|мог\w* бы|хоч\w*|хот\w*|намерен\w*|планиру\w*) (?:\w+ )?(?:породнить|побратать)\w*",
    # «Переговоры о побратимстве …, начатые ещё в 2019 году, пока не завершены»: talks not yet concluded
    r"переговор\w* об? (?:побратимств|сотрудничеств|установлени|подписани)\w*",
    r"(?:talks|negotiations) (?:on|about|over) (?:a |the )?(?:twinning|sister|partnership)",
    r"(?:is|are|was|were) in talks with",  # "Mikkeli is in talks with Zhytomyr"
    r"no date for (?:the )?signing",  # "…, but no date for signing has been set"
    # "her office is negotiating a sister-state agreement with Nigeria's Lagos State"
    r"negotiat\w* (?:a |an |the )?(?:[\w-]+ )?(?:sister|twin|friendship|partnership)",
    # "a formal tie would send a message": a tie spoken of as hypothetical
    r"(?:a|the|such a) (?:formal |official |new )?(?:tie|twinning|link|relationship|partnership) would",
    # "heard a presentation on a possible sister city relationship with Tateyama"
    r"possib(?:le|ly) (?:new |future |formal )?(?:sister|twin|friendship|partner)",
    # "the possibility of a formal partnership", "the possible establishment of a sister-state relationship"
    r"possib(?:ility|le) (?:of )?(?:an? |the )?(?:new |future |formal )?(?:establish\w*|creat\w*|sister|twin\w*|partner\w*)",
    # an agreement still being prepared: «с которым готовится соглашение о сотрудничестве», "a memorandum is being drafted"
    r"готов(?:ится|ятся|ят) (?:\w+ )?(?:соглашени|договор|меморандум)\w*",
    r"подготовк\w* (?:\w+ )?(?:соглашени|договор|меморандум)\w*",
    r"(?:agreement|memorandum|accord|treaty) (?:\w+ ){0,3}(?:is|are) (?:still |now |currently )?being (?:prepared|drafted|negotiated)",
)
# Negations: "are not sister cities", "не являются побратимами" (no pair, even a known one).
NEGATION_CUES = (
    r"(?:are|is|were|was) not (?:\w+ )?(?:sister|twin)",
    r"(?:aren't|isn't|weren't|wasn't) (?:\w+ )?(?:sister|twin)",
    r"not (?:an? )?(?:sister|twin)[- ](?:cit|town)\w*",  # "a quartet from Lyon and a pianist from Gdańsk – not twin towns"
    # (also "Not a twin town, but a friend: …")
    # "has no formal city partnership with Kraków"
    (
        r"(?:has|have|had) no (?:formal |official |existing |current )?(?:city |town |municipal )?"
        r"(?:ties|links?|relationship|connection|sister|twin|partnership)"
    ),
    # "was discussed in 2019 but never signed", "has never entered into any sister city agreement"
    r"never (?:signed|concluded|formali[sz]ed|finali[sz]ed|entered)",
    # "… exchange posters, but no twinning has ever been signed"
    r"no (?:formal )?(?:twinning|sister[- ]city|partnership)(?: agreement| charter)? (?:has|have|had|was|were) (?:ever |yet )?been (?:signed|concluded)",
    r"rather than (?:as )?(?:an? )?(?:[\w-]+ )?(?:twinning|sister|twin)",  # "a coordination group rather than a twinning network"
    r"(?:came|come|comes|went|go|goes) (?:to nothing|nowhere)",  # "their talks with a village in the Auvergne came to nothing"
    r"так и не",  # «… однако статуса побратимов так и не получили»
    # "there is no sister-city agreement with Saint Petersburg, Russia, and none is planned"
    r"there (?:is|are|was|were|has been) no (?:[\w-]+ ){0,3}(?:agreement|relationship|ties|link|twinning)",
    r"never (?:became|got|received|materiali[sz]ed)",
    r"не имеет (?:официальных )?(?:связей|отношений)",
    r"никогда не (?:были|был|была)",
    r"дело не пошло",
    r"never (?:materiali[sz]ed|went (?:any )?further)",
    # "a similar plan … was announced during a trade fair but did not proceed", "the deal fell through"
    r"(?:did not|didn't|failed to) (?:proceed|materiali[sz]e|go ahead|come to fruition)",
    r"fell through",
    r"не (?:являются|являлись|является|был|были|стал\w*) (?:\w+ )?побратим",
)
STATUS_CUES = {
    "suspended": (
        r"suspen\w*",
        r"put on ice",
        r"on hold",
        r"pause\w*",
        r"froze\w*",
        r"freez\w*",
        r"приостанов\w*",
        r"замороз\w*",
    ),
    "ended": (
        r"sever(?:s|ed|ing|ance)?\b",  # not "several"
        r"terminat\w*",
        r"dissolv\w*",
        r"revok\w*",
        r"cut (?:ties|off)",
        r"ended",
        r"end(?:ing)? (?:the |its |their )?(?:\w+ )?(?:relationship|ties|relations)",
        r"call(?:ing|ed)? off",
        r"break(?:ing)? (?:off )?(?:the )?ties",
        r"разорв\w*",
        r"разрыв\w*",
        r"прекрат\w*",
        r"прекращ\w*",
        r"расторг\w*",
        r"прерва\w*",
    ),
    "restored": (r"restor\w*", r"renew\w*", r"resum\w*", r"reinstat\w*", r"возобнов\w*", r"восстанов\w*"),
    # Checked last: "keeps", "remains", "continues" state an active tie only when nothing stronger is said.
    "active": (
        r"remains? (?:\w+ )?(?:sister|twin|partner)",
        r"still (?:has|holds|is|are|keeps)",
        r"(?:keep|kept|keeps) (?:its|their|the)",
        r"сохрани\w* (?:\w+ )?(?:связ|отношени)\w*",
    ),
}
# A rejected break keeps the tie active: checked before the suspension/termination words it contains.
KEPT_CUES = (
    r"(?:decided|voted|chose) not to (?:suspend|sever|end|cut|terminate)",
    r"voted (?:down|against)",
    r"rejected (?:a |the )?(?:proposal|motion|resolution)",
    r"не стал\w* (?:разрывать|приостанавливать)",
)
# Words that point back to a place named in an adjacent sentence ("its sister city", "them", "the municipality").
COREF_CUES = (
    r"its",
    r"such",
    r"their",
    r"them",
    r"these",
    r"she",
    r"he",
    r"the state",
    r"our",
    r"your",
    r"we",
    r"the (?:[\w-]+ )?(?:city|town|municipality|capital)",
    r"его",
    r"их",
    r"этим\w*",
    r"эти\w*",
)
# "in Russia's Leningrad Oblast", "в Ленинградской области": a region locating a city named in the same sentence.
# A town's adjective before its council, administration or district («Брянского городского Совета»): the noun is
# found first (RU_MUNICIPAL_NOUN, at C speed), then the adjective right before it, whose group 1 is its stem up to its
# suffix «-ск»/«-цк».
RU_MUNICIPAL_NOUN = re.compile(r" (?:городск|горсовет|гордум|мэри|администраци)")
# A Russian place adjective anywhere in a text («в Нижегородском кремле», «нижегородских школьников»), not one naming
# its region («Нижегородская область»): the stem and the ending.
RU_PLACE_ADJECTIVE = re.compile(
    r"(?<![\w-])([А-ЯЁа-яё][а-яё]+(?:ск|цк))(?:ий|ого|ой|ая|ому|им|ую|ое|ом|их|ие|ими|ых|ые|ыми|ый)(?![\w-])"
    r"(?!\s+(?:област|обл\.|кра[йяюе]|губерни|район|округ))"
)
RU_TOWN_ADJECTIVE = re.compile(r"(?<![\w-])([А-ЯЁ][а-яё]+(?:ск|цк))(?:ий|ого|ой|ая|ому|им|ую|ое|ом)$")
IN_WORD_BEFORE = re.compile(r"(?<![\w])(?:in|в|во)\s+$")  # the bare locative right before a name
IN_BEFORE = re.compile(
    r"(?<![\w])(?:in|в|во)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|northeast|northwest|southeast|southwest|northern|southern|eastern|western)\s+)?"
    r"(?:[A-Z]\w+(?:'s|’s)\s+)?$"  # "in northeast China's Heilongjiang Province"
)
# "… with the following cities", «… с городами»: a sentence introducing the list below it.
LIST_INTRO = words_ci(
    r"with (?:the following |these |many |several )?(?:cities|towns|municipalities|regions)",
    r"(?:с|со) (?:следующими |многими )?(?:городами|муниципалитетами|регионами)",
)
# "The two cities have been twinned since 2002": the two places of the sentence before.
BOTH_PLACES = words_ci(
    r"(?:the two|both) (?:cities|towns|municipalities|regions|provinces|states)",
    r"(?:оба|два|обоих|двух|обеими|двумя) (?:город\w*|регион\w*)",
    r"(?:обе|две|обеих|двух|обеими|двумя) (?:област\w*|провинци\w*)",
)
# Titles and words in front of a personal name that is also a place name (Mayor Franklin, Айсен Николаев).
PERSON_TITLES = (
    "Mayor",
    "Gov.",
    "Governor",
    "President",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Sen.",
    "Senator",
    "Rep.",
    "Chairman",
    "chairman",
    "chair",
    "secretary",
    "treasurer",
    "Chairwoman",
    "Chair",
    "Treasurer",
    "Secretary",
    "Councillor",
    "Cllr",
    "Councilman",
    "Councilwoman",
    "Commissioner",
    "Director",
    "Professor",
    "Prof.",
    "Rev.",
    "Minister",
    "Ambassador",
    "Clerk",  # "City Clerk Bryant Hammond", "Town Clerk …": a council officer's name
    "clerk",
    "Saint",
    "St.",
    "мэр",
    "губернатор",
    "президент",
    "глава",
    "посол",
)
# "Gill Thornton, Chair", "Photos: Dylan Vaughan": a first name and a surname that is also a place.
TITLE_AFTER = re.compile(
    r",\s+(?:the\s+)?(?:chair|chairman|chairwoman|secretary|treasurer|president|mayor|director|coordinator|"
    r"councillor|councilor|editor|reporter)\b",
    re.IGNORECASE,
)
CREDIT_BEFORE = re.compile(r"(?:Photos?|Pictures?|Credit|By|Фото|Автор)\s*:?\s+[A-ZА-ЯЁ][\w-]+\s+$")
# Russian titles take the place they head in the genitive ("глава Чебоксар"): a person only with a second name after.
RU_TITLES = re.compile(
    r"^(?:мэр|губернатор|президент|глав[аеуыо]й?|посл?[ао]?|посол|градоначальник|руководител|аким|хоким)\w*$"
)  # «аким Алматы», «хоким Самарканда»: Central Asian mayors
# A place name followed by a web domain is a news site ("Фонтанка.ру", "Kazan.com").
WEBSITE_AFTER = re.compile(r"\.(?:ru|ру|com|org|net|info|ua|by|kz)\b", re.IGNORECASE)
# A place name followed by one of these is an institution or organisation, not the place.
INSTITUTION_WORDS = (
    "University",
    "State University",
    "College",
    "Library",
    "Airport",
    "Philharmonic",
    "Ballet",
    "Examiner",
    "Capitals",
    "Flyers",
    "Senators",
    "Declaration",
    "Treaty",
    "Polytechnic",
    "Technical",
    "Medical",
    "Pedagogical",
    "Institute",
    "Academy",
    "Conservatory",
    "Museum",
    "Theatre",
    "Theater",
    "Hospital",
    "Clinic",
    "Zoo",
    # chambers, clubs, festivals and ensembles named after their city: "the Poznań Chamber of Industry and Commerce",
    # "Gloucester Rugby", "the Bucheon International Fantastic Film Festival"
    "Chamber",
    "Rugby",
    "Port Authority",
    "Film Festival",
    "International Film",
    "International Fantastic",
    "Symphony",
    "Orchestra",
    "Opera",
    "Стейт",
    "Sea",
    "River",
    "Bay",
    # a street, park or island named after a place: "the Victoria Gardens", "Russia's Sakhalin Island"
    "Gardens",
    "Park",
    "Street",
    "Road",
    "Avenue",
    "Square",
    "Island",
    "Peninsula",
    "Stadium",
    "Arena",
    "Кэпиталз",
    "Флайерз",
    "Сенаторз",
    "Университет",
    "больниц",
    "университет",
    "море",
    "моря",
)
INSTITUTION_BEFORE = re.compile(r"\bUniversity(?: (?:of|for|and|[A-Z][\w-]*))+ $")
INSTITUTION_AFTER = re.compile(" (?:" + "|".join(re.escape(w) for w in INSTITUTION_WORDS) + ")")
# Capitalised words that may follow a place name without making it a person's first name ("Chitose City").
# A town's own name for itself in its language before the particle: "Città di Fossano", "Ville de Brest", "Comune di
# Bra" name the town; "Miguel de Cervantes" is a person.
TOWN_BEFORE_PARTICLE = frozenset({
    "Città", "Citta", "Comune", "Municipio", "Ville", "Commune", "Ciudad", "Cidade", "Vila", "Município", "Municipalidad",
    "Ayuntamiento", "Câmara", "Provincia", "Province", "Région", "Region", "Regione", "Gemeente", "Stad", "City", "Town",
})
PLACE_NOUNS = (
    "City",
    "County",
    "Borough",
    "Region",
    "Oblast",
    "Krai",
    "Province",
    "Prefecture",
    "State",
    "Municipality",
    "Assembly",
    "Council",
    "Mayor",
    "Sister",
    "Sister-City",
    "Twin",
    "Twinning",  # "Kenilworth Twinning Association"
    "Commission",
    "Committee",
    "Alliance",
    "Association",
    "Society",
    "Club",
    "Declaration",
    "Friendship",
    "Partnership",
    "Area",
    "Metropolitan",
    "Town",  # "the Wokingham Town Twinning Association"
    "Township",
    "Village",
    "Parish",
    "District",
    # Newspapers named after their town ("Sitka Sentinel", "The Lowell Sun"): the town, not a first name.
    "Sentinel",
    "Times",
    "Herald",
    "Tribune",
    "Post",
    "News",
    "Gazette",
    "Daily",
    "Observer",
    "Journal",
    "Record",
    "Chronicle",
    "Press",
    "Sun",
    "Star",
    "Courier",
    "Review",
    "Register",
    "Bulletin",
    "Dispatch",
    "Telegraph",
    "Standard",
    "Город",
    "Области",
    "Область",
    "Край",
    "Края",
)
# Place names that are common English words (picked from the gazetteer surfaces among wordfreq's 5,000 most frequent
# English words): places only with a qualifier ("Union, New Jersey", "Most (Czech Republic)") ...
WORD_PLACES = frozenset(
    ["Most", "Come", "Date", "Dig", "Hire", "Man", "Normal", "Oral", "Than", "Union", "University", "Wedding", "Surprise", "Sale", "Mission", "Independence", "Enterprise", "Commonwealth", "Gap", "Spring", "Springs", "Forest", "Temple", "Brick", "Clay", "Gay", "Bush", "Batman", "Roman", "Dome", "Xinhua", "Duma", "Metro"]
)
# ... and these also at the start of a sentence ("Reading the report…", "Split between…"), where capitals say nothing.
OPENING_WORD_PLACES = frozenset(["Reading", "Split", "Nice", "Bath", "Mobile", "Orange", "Drama", "Van", "Male", "Victoria", "Independence"])
# Words that may open a sentence before its subject ("In 2021 …", «В 2022 году …»).
OPENING_WORDS = frozenset(["in", "on", "at", "the", "a", "an", "since", "today", "now", "also", "then", "year", "years", "в", "во", "на", "с", "и", "году", "годах", "также", "сегодня"])
# Words right before a name that show it is used as a place ("between Vologda and …", "в Печорах"): such a use
# keeps the name a place even where another mention of it looked like a person's name ("Dynamo Vologda").
PLACE_PREPOSITIONS = frozenset(
    ["in", "of", "from", "to", "with", "and", "between", "near", "at", "for", "visit", "visited", "visiting", "в", "во", "из", "с", "со", "и", "между", "к", "ко", "под", "около"]
)
# Prepositions that make a first name that is a place the place ("во Владимир", "in Eugene"; not "with Vladimir").
WEAK_PLACE_PREPOSITIONS = frozenset(["in", "в", "во", "из", "изо"])
# Words after a city meaning the name is a larger unit or a sports team ("Twin Cities" handled as a phrase).
TWIN_CITIES_METRO = re.compile(
    # capitalised "(the) Twin Cities" (not "Twin Cities of X"): the metro; "Sister Cities International": the movement's organisation, which
    # names no pair of its own
    # "the Twin City Block Party" (Bristol, Tennessee/Virginia): a capitalised "Twin City" in a name
    r"(?<![\w])(?:the Twin Cities|Twin Cities(?! of\b)|Twin City (?=[A-Z])|[Гг]ород\w*-близнец\w*|Sister Cities International|"
    r"(?:Международн\w+ )?[Аа]ссоциаци\w+ «?Города-побратимы»?)"
)
# The type word ending a region's English name ("Amur Region", "Hainan Province"): the rest is its short name.
REGION_WORD_END = re.compile(r" (?:Region|Oblast|Province|Prefecture|Krai|Territory|region|oblast|province|prefecture|krai)$")
# "the Turkish city of Kayseri", «города Анталья»: the city, not the province of the same name.
CITY_NOUN_BEFORE = re.compile(r"(?:\b(?:city|town) of|(?<![\w-])(?:город|города|городе|городом))\s*$", re.IGNORECASE)
# "city of X", "города X": a place cue for names that are also first names or surnames.
PLACE_CUE_BEFORE = compile_ci(
    r"(?:city|town|municipality|capital|region|state) of\s*$",
    r"(?:город\w*|столиц\w*)\s*$",
    r"(?:sister|twin)[- ](?:city|town)\s*$",  # "visited its sister city Vladimir"
    r"(?:город\w*-)?побратим\w*\s*$",  # «посетила город-побратим Владимир»
)

# Connectors between two place names that state a pair: "X and Y", "X–Y", "X/Y", "между X и Y".
PAIR_CONNECTOR = re.compile(r"^\s*(?:and|&|и|с|with|to)\s+$|^\s*[-–—/]\s*$|^\s*[-–—]\s+$", re.IGNORECASE)
DASH_CONNECTOR = re.compile(r"^\s*[-–—/]\s*$")
# The characters that join the two names of a pair ("Boulder-Kisumu", "Eugene–Irkutsk", "Tver/Osnabrück"): a name
# right before or after one belongs to the pair's own name, not to the text's place or an organisation.
PAIR_DASHES = ("-", "–", "—", "/")
# The separator after a breadcrumb's item ("Home > Discover Landerneau > …"): the words before the name are the
# item's, not a first name.
BREADCRUMB_AFTER = re.compile(r"[ \t]*>|[ \t]+[»›][ \t]")  # (not a closing quote: «Деловой Петербург»)
# "in the" between two names: the second may locate the first.
IN_THE_GAP = re.compile(r"\s+in\s+(?:the\s+)?$")
# A word of three letters or more (between two names: more than punctuation or a short particle).
WORD_RE = re.compile(r"[^\W\d_]{3,}")
# A bracketed locator right after a name, up to the next word: "Río Cuarto (Córdoba) Argentina".
BRACKETED_LOCATOR = re.compile(r" \([^()\n]{1,40}\) ")
# Between two entries of a list row, each closed by its own year: "Changchun (China), 2010 | Kragujevac (Serbia)".
YEAR_CELL_GAP = re.compile(r"(?:\s*\([^()\n]{1,40}\))?[\s,(]*(?:since\s+|from\s+|с\s+)?\d{4}(?:\s*г\.)?\)?\s*[|;·•]\s*$")
# Particles of a surname: a small town's name right after one is a person's ("Miguel de Cervantes").
NAME_PARTICLES = frozenset({"de", "da", "di", "del", "della", "do", "dos", "du", "van", "von", "der", "den", "ten", "ter"})
# A question that takes its tie as given: "Why is Bath twinned with Alkmaar?", «Почему Тверь дружит с Оснабрюком?»
WH_QUESTION = re.compile(r"(?:^|[:|]\s*)(?:[Ww]hy|[Hh]ow|[Ww]hen|[Ss]ince when|[Пп]очему|[Кк]ак|[Кк]огда|[Зз]ачем)\b")
BR_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)  # an HTML line break left in extracted text
# (a country's possessive may locate the second name: "Gilan Province and Russia's Astrakhan Oblast")
AND_CONNECTOR = re.compile(
    # "Naga City and Gimpo": the city's generic noun, when the name alone was matched, may come before the "and"
    r"^\s*(?:(?-i:City)\s+)?(?:and|&|и)\s+(?:(?-i:(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?:'s|’s))\s+)?$", re.IGNORECASE
)
# "cooperation between the Republic of Tatarstan and Zhejiang Province", «соглашение между Омском и Павлодаром»: the
# two places joined by "and" right after it are the two sides.
BETWEEN_BEFORE = re.compile(
    r"(?:cooperation|agreements?|partnerships?|ties|relations(?:hips?)?|twinning|friendship|memorand\w+|links?|protocols?"
    r"|accords?|связ\w*|сотрудничеств\w*|соглашени\w*|отношени\w*|меморандум\w*|побратимств\w*|партн[её]рств\w*)\s+"
    r"(?:[Bb]etween|[Мм]ежду)\s+"
    r"(?:(?:the|of|[A-ZА-ЯЁ][\w-]*)\s+){0,3}$"
)
# An "X–Y" compound naming a thing, not a pair of places: "the Normandy-Neman regiment", "Moscow–Beijing express".
DASH_THING_AFTER = re.compile(
    r"\s+(?:(?-i:[a-z]+)\s+)?"  # one adjective: "the Belfast–Dublin economic corridor"
    r"(?:regiment|squadron|air ?regiment|division|brigade|express|train|highway|motorway|road|pipeline|railway|"
    r"route|corridor|rally|race|marathon|cup|match|derby|flights?|ferry|bridge|border crossing|checkpoint|"
    r"полк\w*|эскадриль\w*|экспресс\w*|трасс\w*|автодорог\w*|дорог\w*|трубопровод\w*|газопровод\w*|маршрут\w*|"
    r"авиарейс\w*|рейс\w*|ралли|марафон\w*|паром\w*|мост\w*|пункт\w* пропуска)\b",
    re.IGNORECASE,
)
# "Gainesville with its sister city Novorossiysk", "Vladivostok and its sister city Juneau": a pair by itself.
# «Филадельфией у Нижнего Новгорода и Далласом у Саратова»: the twin of whom, after a twinning word.
AT_CONNECTOR = re.compile(r"^\s+у\s+$")
WITH_CONNECTOR = re.compile(
    r"^\s*(?:(?:and|и) (?:its|their|his|her|с)\b|with|с|со)(?:\s+[a-zа-яё-]+){0,4}\s+$"
)
# The signatories named before, their partner after: «Липецкой и Тамбовской областей подписали соглашения о
# сотрудничестве с Витебской областью», "the Lipetsk and Tambov regions signed agreements with the Vitebsk Region".
_SIGNED = r"(?:подписал\w*|заключил\w*|signed|concluded)"
SIGNED_WITH = re.compile(
    r"^\s*(?:" + _SIGNED +
    # "Saskatoon has had a partner city agreement with Shijiazhuang"
    r"|(?:has|have|had|maintains?)(?: had| long had| also had)? (?:an? |the )?(?:(?!signed |concluded )[\w-]+ ){0,3}?"
    r"(?:agreement|relationship|partnership|ties|links?)s?(?= with))"
    r"\s+(?:[\w,-]+\s+){0,9}?(?:с|со|with)\s+(?:[a-zа-яё-]+\s+){0,2}$"
)
# One more partner of the same signatories, its verb left out: «…, а в 2023 году — с иранской провинцией Гилян».
GAPPED_PARTNER = re.compile(r"^[^.;]{0,30},\s*(?:а|и)\s+(?:[\w-]+\s+){0,4}[—–-]\s+(?:с|со)\s+(?:[а-яё-]+\s+)?$")
# Russian gapping, a clause after a comma or «а» with its verb left out: «…, Филадельфия — с Нижним Новгородом, а
# Рочестер (штат Нью-Йорк) — с Великим Новгородом» (the gap between the two names, and what opens the clause).
# The twin after the dash in the case the verb governs: «— с (болгарским) Казанлыком», «— Великого Новгорода», or
# named with its demonym: «Елизова – аляскинский Хомер».
GAPPING_GAP = re.compile(
    r"^\s*(?:\([^()]{1,40}\)\s*)?[—–-]\s+(?:(?:тоже|также)\s+)?(?:(?:с|со)\s+)?(?:[а-яё]+(?:ск|цк)(?:им|ого|ой|ому|ий|ая|ое)\s+)?$"
)
# (a demonym may come between: «…, норвежский Тромсё — с Мурманском»; «объявили финская Лаппеэнранта — с Выборгом»)
GAPPING_OPEN = re.compile(r"(?:[,:]|(?<![\w])а|[а-яё]{3,}л[иа])\s*(?:[а-яё]+(?:ск|цк)(?:ий|ая|ое|ие)\s+)?$")
# "Hakodate, a sister city of Vladivostok", "Kanazawa … sent a delegation to its sister city Irkutsk", "Gimhae, Salem's
# sister city": the twin noun between two places pairs them, whatever else the sentence names.
TWIN_APPOSITION_GAP = re.compile(
    r"(?:^,\s+(?:a|the|its|their|one of (?:its|the))\s|\b(?:its|their)\s|^(?:'s|’s)\s)(?:[\w-]+\s){0,2}?"
    r"(?:sister[- ]?(?:city|town|region|state|province|prefecture)|twin(?:[- ](?:city|town))?|partner[- ]?(?:city|town))"
    r"(?:\s+(?:since \d{4}\s+)?of|,)?\s*$"  # "Eugene's Korean sister city, Jinju, …"
    # "Oulu put its partnership with Arkhangelsk on hold", "Kouvola froze its ties with Vologda"
    r"|\b(?:its|their)\s+(?:[\w-]+\s){0,2}?(?:ties|partnership|relationship|links?|friendship|twinning)\s+with\s*$",
    re.IGNORECASE,
)
# "… and its namesake Perth in Western Australia": a twin of the same name, named once (not "X is a namesake").
NAMESAKE_RE = re.compile(r"\b(?:its|our|their)\s+namesakes?\b", re.IGNORECASE)
# A capital standing for its government before its name: "a close ally of Moscow".
CAPITAL_METONYMY_BEFORE = re.compile(r"\b(?:(?:close |key )?all(?:y|ies) of|sanctions (?:on|against))\s+$", re.IGNORECASE)
# A capital standing for its government: "since Moscow's invasion", "Beijing's decision".
CAPITAL_METONYMY_AFTER = re.compile(
    r"(?:'s|’s)\s+(?:full-scale\s+|military\s+)?(?:invasion|war|aggression|military|decision|policy|actions?|"
    r"government|troops|forces|attack|annexation|offensive|sanctions)\b",
    re.IGNORECASE,
)
# A municipality's own name for itself ("The City of Kenai", "© City of Kenai", «администрация города Томска»): the
# owner of the page, counted once more when choosing the text's place.
OFFICIAL_BEFORE = cue(  # with its pre-test: asked in the 40 characters before every mention
    re.compile(
        r"(?m)(?:(?:^|[.!?]\s+|©\s*)[ \t]*(?:The\s+)?(?:(?:City|Town|Borough|Municipality|Municipal Council) of|[Aa]dministration of the city of"
        r"|[Аа]дминистраци\w* (?:города|г\.))|[Пп]равительств\w*)\s*$"  # «Правительство Хабаровского края»: a region's site
    )
)
# A place naming its own twinning body or ties right after its name ("Cheltenham Twinning Association", "Walla Walla
# Sister City Committee", "Stirling's twinning with …"): the text speaks for that place, counted as an official mention
# (not after a dash: "Eugene-Irkutsk Sister City Committee" is the pair's committee).
# A site's header naming its owner: "Ramla Municipality – Minutes of …", "Lincoln City Council | News".
OWNER_AFTER = re.compile(
    r"\s+(?:Municipality|Municipal Council|City Council|Town Council|Borough Council|County Council|District Council"
    r"|City Hall|Council)\b"
)
SELF_NAMED_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:town\s+)?(?:twinning|sister[- ]cit(?:y|ies))\s+(?:association|society|committee|council|commission"
    r"|club|trust|group|board|foundation)\b"
    r"|(?:'s|’s)\s+(?:twinning|partnership|twin[- ](?:towns?|cit(?:y|ies)))\b",
    re.IGNORECASE,
)
# The region's centre named by its role («краевой центр», «столица области», "the regional capital"): the text's
# region's largest city.
REGION_CENTRE_RE = compile_ci(
    r"(?:краев|областн)\w* (?:центр|столиц)\w*",
    r"(?:административн\w* )?(?:центр|столиц)\w* (?:края|области|региона|республики)",
    r"(?:the )?(?:regional|krai's|oblast's|region's) (?:capital|centre|center)",
)
# "Birmingham, England (Birmingham City Council), whose twin cities include Frankfurt, Lyon and Milan": the place
# before "whose" owns the twins listed after it.
WHOSE_TWINS_AFTER = re.compile(
    r"(?:,\s*[A-Z][\w-]*(?: [A-Z][\w-]*)?)?(?:\s*\([^()]*\))?,?\s*(?:whose|побратим\w* (?:котор\w+))\s+(?:[\w-]+\s+){0,2}?"
    r"(?:twin|sister|partner|побратим|являются|являлись|стали)"
    # "Niš now has 13 twin cities, among them …", "Niigata, which also has sister city ties with …"
    r"|(?:,\s*which)?\s+(?:(?:also|now|already)\s+)*ha(?:s|ve)\s+(?!been\b)(?:[\w-]+\s+){0,2}?(?:twin|sister)[- ]"
    r"(?:cit|town|ties|relations|links)",
    re.IGNORECASE,
)
TWIN_OF_AFTER = re.compile(r"\s+(?:of|between|to)\b", re.IGNORECASE)  # "the twin cities of …" names its own owner
SUBJECT_POSSESSIVE = re.compile(r"\b(?:its|their)\s", re.IGNORECASE)
# A sentence opening with the text's place's twins by pronoun ("Its sister cities also include A on B Island and C"):
# every place it names is a twin of the text's place.
POSSESSIVE_TWINS = re.compile(r"\s*(?:Its|Their|Our)\s+(?:[\w-]+\s+)?(?:sister|twin|partner)")
# "Salem's sister city" after "Gimhae, " (apposition) names the pair too.
TWIN_POSSESSIVE_AFTER = re.compile(r"(?:'s|’s)\s+(?:sister[- ]?(?:city|town)|twin(?:[- ](?:city|town))?)\b", re.IGNORECASE)
# Clause breaks: a gap with one of these joins two statements, not an apposition.
CLAUSE_BREAK = re.compile(r";|, and |, but |\bwhile\b|\bwhereas\b|\.", re.IGNORECASE)
# "Kyiv became a twin of Toulouse", «а Киев стал побратимом Тулузы»: a pair by itself, wherever it is in the sentence.
TWIN_VERB_CONNECTOR = re.compile(
    r"^\s*(?:(?:has |have )?(?:became|become|becomes|is|was|were|are|has been|have been) (?:officially )?"
    r"(?:twinned with|(?:a |the )?(?:sister|twin)(?:[- ](?:city|town))? (?:of|to|with))"
    r"|,\s*(?:which (?:is |was |has been )?)?twinned with(?: both)?"  # "Niigata, twinned with both Khabarovsk and …"
    r"|стал\w* (?:городом-)?побратим\w*|породнил\w* со?|(?:[—–-]\s*)?побратим\w*(?: со?)?"  # «Хабаровск — побратим …»
    # «Тромсё проголосовал за заморозку связей с городами-побратимами Мурманском и Архангельском»
    r"|(?:[а-яё-]+\s+){1,6}со?\s+(?:городами|городом)-побратим\w*)"
    r"(?:\s+[a-zа-яё-]+){0,3}\s*$",  # "… of the French city of", «… побратимом французской»
    re.IGNORECASE,
)
LIST_SEPARATOR = re.compile(
    r"^\s*(?:[,;]|,? and(?: of| with)?|,? и|,? as well as|, а также)\s*$", re.IGNORECASE
)
# A qualifier opening the gap after a place (", Ohio", " in California", " (Japan)"), taken out before LIST_SEPARATOR is
# asked of that gap.
QUALIFIER_WORDS = re.compile(
    r"^(?:,\s*|\s+in\s+|\s*\()[A-ZА-ЯЁ][\w.'-]*(?:\s+[A-ZА-ЯЁ][\w.'-]*){0,2}\)?(?=\s*[,;]|\s+(?:and|и)\b)"
)
# A qualifier right after a place: ", Russia", " (Japan)", ", N.Y.", " (New York State)".
OPEN_PAREN_GAP = re.compile(r"^\s*\(\s*$")
# "the Meissen (Germany)" (machine translation): a bracketed qualifier after "the <name>" marks a place, not an
# organisation.
BRACKET_AFTER = re.compile(r" ?\((?:the )?[A-ZА-ЯЁ]")
# Between a place and its country in a table flattened onto one line: spaces only ("Paraná Brazil 1970").
CELL_GAP = re.compile(r" +(?-i:[A-ZА-ЯЁ])")
# After the country in such a row: the next cell, a year, a date or a capitalised word ("Australia March 1992").
CELL_AFTER_COUNTRY = re.compile(r" (?-i:[\dA-ZА-ЯЁ])")
QUALIFIER_GAP = re.compile(
    # "Oklahoma City (the USA)", "Linz in the Austria" (machine translation): an article before the country too;
    # "Ahmedabad (Republic India)", "Rasht (Islamic Republic Iran)": a state's title before its name
    r"^\s*(?:,|\(|\||,\s*the capital of the|на|in|on|в)?\s*(?:(?:the )?state(?: of)?|штат[еау]?|американском штате|the"
    r"|(?:the )?(?:islamic )?republic(?: of)?)?\s*$"
    # "Trujillo, in the Spanish region of Extremadura", "Albany, on the south coast of Western Australia"
    r"|^\s*,?\s*(?:in|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}"
    r"(?:region|province|state|prefecture|county|department|district|oblast|island|coast|shore)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Words before a place that make it a locator of another place ("Jinan, the capital of Shandong",
# "Sergiev Posad near Moscow", "столицы Приморья"), not a side of a pair.
LOCATOR_BEFORE = cue(  # with its pre-test (how the text before must end): asked for every mention
    re.compile(
        r"(?:\bnear|\boutside|\b(?:based|headquartered|located|registered) in|\bнедалеко от|\bблиз|\bпод"
        r"|\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)? of(?: the)?"
        r"|\b(?:km|kilometers|kilometres|miles) (?:from|of)|\bк (?:северу|югу|востоку|западу) от|\bкм от"
        r"|\b(?:tip|coast|shore|edge|part|corner) of(?: the)?"  # "an oil town on the northern tip of Sakhalin"
        r"|\bof which"  # "Amhara Region, of which Bahir Dar is the capital"
        # a sea, or a port authority by its capitalised name ("the Sea of Azov", "the Port of Bellingham"; "the Russian
        # port of Novorossiysk" is the town)
        r"|\b(?:sea|gulf|bay|strait) of|\b(?-i:Port) of"
        r"|\b(?:cit(?:y|ies)|towns?|communities|municipalities) in(?: the)?)\s*$",
        re.IGNORECASE,
    )
)
# "Besides Vladivostok they include …", «Помимо Билефельда, партнёрами … являются»: one more list member, not the center.
BESIDES_BEFORE = cue(  # with its pre-test (its endings): asked for many mentions
    re.compile(r"(?:\bbesides|\bapart from|\bin addition to|\baside from|\bпомимо|\bкроме)\s*$", re.IGNORECASE)
)
# "the Kyiv-region town", "a Moscow-area school", "Seattle-based": the place locates something else.
LOCATOR_AFTER = re.compile(r"[- ](?:region|area|based|oblast)[- ](?:[a-z]+)", re.IGNORECASE)
# "Severo-Kurilsk in Russia's Sakhalin region": a region right after a name and "in" locates that name (a place the
# gazetteer may not know), it is not a side of a pair.
REGION_AFTER_NAME_IN = re.compile(r"[A-ZА-ЯЁ][\w-]+,?\s+(?:in|в)\s+(?:the\s+)?(?:[A-Z]\w+(?:'s|’s)\s+)?$")
# A region noun right before a name that is also a city's: the region is meant ("the province of Holguín",
# "the Provincial Government of Matanzas", «администрация провинции Матансас», «штатом Ансоатеги»).
REGION_NOUN_BEFORE = cue(  # with its pre-test: it is asked for every city mention
    re.compile(
        r"(?:\b(?:province|prefecture|department|governorate|state|region) of(?: the)?"
        r"|\b(?:provincial|regional) (?:government|administration|council|authorities) of"
        r"|\b(?:провинци|префектур|департамент|мухафаз|штат|округ)\w*)\s*$",  # «Округ Сент-Луис»: St. Louis County
        re.IGNORECASE,
    )
)
# The same noun right after the name, lowercase ("Havana province", "the Kaluga region").
REGION_NOUN_AFTER = re.compile(r" (?:province|prefecture|region|oblast|governorate|department)\b")
# The region nouns above that name a province the gazetteer may lack after its centre ("Siem Reap province" ->
# Siem Reap Province), by the stem found in the noun (first match wins: "provincial government of" is a province).
UNLISTED_REGION_HEADS = {
    "regional": "Region", "provin": "Province", "провин": "Province", "prefec": "Prefecture", "префек": "Prefecture",
    "govern": "Governorate", "мухафа": "Governorate", "depart": "Department", "департ": "Department",
}
# A region named after its centre, the noun part of its name: "Nakuru County", "Stara Zagora Province".
REGION_NAME_AFTER = re.compile(
    r" (?:Self-Governing |Planning |Administrative )?(Province|Prefecture|Region|Oblast|Governorate|Department|County)\b"
)
# After a landform's short name ("Sakhalin"), the words that make it the region: "the Sakhalin regional government".
LANDFORM_REGION_AFTER = re.compile(
    r" (?:region(?:al)?|oblast|krai|okrug|governor\w*|government|administration|authorities)\b", re.IGNORECASE
)
# The English head nouns of such a region's name, tried after the city's name ("Matanzas" -> "Matanzas Province").
REGION_NAME_HEADS = (
    "Province", "Prefecture", "Department", "Governorate", "State", "County", "Oblast", "Krai", "Region"
)
REGION_LOCATOR_BEFORE = cue(  # with its pre-test (how the text before must end): asked for every mention
    re.compile(
        r"(?:capital of(?: the)?|столиц\w*|(?:administrative )?cent(?:er|re) of(?: the)?|административн\w* центр\w*)"
        r"\s*(?:[A-Z]\w+(?:'s|’s)\s+)?(?:Republic of\s+)?$",  # "the administrative center of Russia's Jewish Autonomous
        # Oblast", "the capital of Russia's Republic of Bashkortostan"
        re.IGNORECASE,
    )
)
# A town whose name is an adjective (Kirovskaya, Sovetsky) before the noun it agrees with: the adjective of another
# place, not the town («Кировская городская дума» is Kirov's council), unless a settlement word names it.
RU_ADJECTIVE_NAME = re.compile(r"^[А-ЯЁ][а-яё]+(?:ск|цк)(?:ая|ий|ое|ой|ую|ие|их|ого|ому)$")
RU_LOWER_AFTER = re.compile(r" [а-яё]")
RU_SETTLEMENT_BEFORE = re.compile(r"(?:город|посёлок|поселок|станиц|сел|деревн|пгт|ст\.|пос\.)\w*\s*$", re.IGNORECASE)
# A region used as an adjective: "the Florida city", "the Iowa capital", "the Alaska port".
ADJECTIVE_AFTER = re.compile(r"\s+(?:city|capital|town|port|community|side|delegation|governor)\b")
# A state named as the locator of a city in the same sentence ("в штате Айова", "the state of Iowa").
STATE_LOCATOR_BEFORE = re.compile(r"(?:штат\w*|state of)\s*$", re.IGNORECASE)
# "Pembroke Pines (the USA, Florida state)" (machine translation of «штат Флорида»): the state word after its name.
STATE_LOCATOR_AFTER = re.compile(r"\s+state\b", re.IGNORECASE)

# US state abbreviations used as qualifiers ("Albany, N.Y.", "Rochester, NY", "(Minn.)").
STATE_ABBREVIATIONS = {
    "AK": "AK",
    "Alaska": "AK",
    "Ala.": "AL",
    "Ariz.": "AZ",
    "Calif.": "CA",
    "CA": "CA",
    "Colo.": "CO",
    "Conn.": "CT",
    "Fla.": "FL",
    "FL": "FL",
    "Ga.": "GA",
    "GA": "GA",
    "Ill.": "IL",
    "IL": "IL",
    "Ind.": "IN",
    "Iowa": "IA",
    "IA": "IA",
    "Kan.": "KS",
    "Ky.": "KY",
    "La.": "LA",
    "Md.": "MD",
    "MD": "MD",
    "Mass.": "MA",
    "Mich.": "MI",
    "MI": "MI",
    "Minn.": "MN",
    "MN": "MN",
    "Miss.": "MS",
    "Mo.": "MO",
    "MO": "MO",
    "Mont.": "MT",
    "N.C.": "NC",
    "NC": "NC",
    "N.H.": "NH",
    "NH": "NH",
    "N.J.": "NJ",
    "N.M.": "NM",
    "N.Y.": "NY",
    "NY": "NY",
    "Ohio": "OH",
    "OH": "OH",
    "Okla.": "OK",
    "Ore.": "OR",
    "OR": "OR",
    "Pa.": "PA",
    "PA": "PA",
    "S.C.": "SC",
    "SC": "SC",
    "Tenn.": "TN",
    "TN": "TN",
    "Texas": "TX",
    "Tex.": "TX",
    "TX": "TX",
    "Utah": "UT",
    "Va.": "VA",
    "VA": "VA",
    "Vt.": "VT",
    "Wash.": "WA",
    "WA": "WA",
    "Wis.": "WI",
    "D.C.": "DC",
    "DC": "DC",
}
STATE_ABBREV_RE = re.compile(
    r"\s*[,(]\s*(" + "|".join(re.escape(k) for k in STATE_ABBREVIATIONS) + r")(?![\w])"
)
# Demonyms that qualify the next place ("the Russian city of Stavropol", "китайским Хэфэем"): data/demonyms.csv.
def _demonyms() -> dict[str, str]:
    """Country adjective (English word or Russian stem) -> ISO country code."""
    path = Path(__file__).resolve().parent / "data" / "demonyms.csv"
    with open(path, encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {r["word"]: r["country"] for r in rows}


DEMONYMS = _demonyms()
DEMONYM_BEFORE = re.compile(
    r"(?<![\w])("
    + "|".join(sorted(DEMONYMS, key=len, reverse=True))
    # on the same line: "Eisenach, Germany\n Gabrovo" is no "German Gabrovo"; "the Japanese wine town of Koshu": up to
    # two lowercase words before "town of"
    + r")\w*[ \t]+(?:(?:[a-z-]+[ \t]+){0,2}(?:city|town|port|sister city|partner city) of[ \t]+|город\w*[ \t]+|сестр\w*[ \t]+)?$"
)
# A capitalised Russian word: one opening a sentence may be a demonym adjective («Итальянский Фраскати …»).
RU_CAPITAL_WORD = re.compile(r"[А-ЯЁ][а-яё]+")
# The last word DEMONYM_BEFORE can end on, as prefixes: a cheap test before the search, made for every mention.
DEMONYM_LAST_WORDS = tuple(sorted({k.split()[-1] for k in DEMONYMS} | {"of", "город", "сестр"}))

# A bulleted line ("・Vladivostok (Russia) - Sister City 1992.", "- Okayama, Japan (2002)"): a list item however long.
BULLET_START = re.compile(r"^\s*[•・*▪►‣◦\-–—]\s*")
# What may open a list line before its place: a bullet or a number ("* ", "10. ").
ENTRY_OPENING = re.compile(r"^\s*(?:[•・*▪►‣◦\-–—]|\d{1,3}[.)])?\s*$")
# After a list line's place and its qualifier, a separator before the entry's note: "Oklahoma City (the USA) — the
# agreement …", "Matsumoto (Japan): The taiko workshop …", "Thunder Bay, Ontario, Canada — our closest sister".
ENTRY_AFTER = re.compile(r"(?:,[^,\n—–:;()]{1,30}){0,3}\s*(?:\([^()\n]{1,40}\))?\s*(?:[—–:-]|\.\s)")
# A news dateline naming where the text is written: "ROCHESTER, N.Y. — ", "TACOMA — ", "ХАБАРОВСК, 3 мая —".
# Tag and category lines ("Filed under: Final Reading, Politics", «Теги: …»): labels, not places of the story.
TAG_LINE = re.compile(r"^\W*(?:filed under|tags?|topics?|categories|теги|метки|рубрик[аи])\s*:", re.IGNORECASE)
# Links to other stories ("RELATED: …", "Read also: …", «Читайте также: …»): their places are not the text's partners.
READ_ALSO = re.compile(
    r"^\W*(?:related|read (?:also|more|next)|see also|also interesting|more on this|читайте (?:также|тоже)|"
    r"смотрите также|по теме)\b",
    re.IGNORECASE,
)
# A preposition right before a place that makes it the complement of a relation ("with Buffalo", «с Буффало»).
WITH_BEFORE = re.compile(
    r"(?:\bwith|\band with|(?<![\w])с|(?<![\w])со)\s+(?:the (?:city|town) of\s+|[a-zа-яё-]+\s+){0,3}$", re.IGNORECASE
)
# A twinning word right before the one place of a sentence ("стал побратимом Курска", "a sister city of Kursk"): the
# other side is the sentence's own subject, not the text's place.
TWIN_COMPLEMENT = re.compile(
    # the noun with its complement ("sister city of", «побратимом Курска»); not "twinned with", «о побратимстве с»,
    # «побратимские связи с», whose unnamed subject is the text's place
    r"(?:(?:sister[- ]?cit(?:y|ies)|twin[- ]?(?:town|city))\s+(?:of|to)\s+|побратим(?:ом|а|ами|ы|ов)?\s+)"
    r"(?:[a-zа-яё]+(?:ым|им|ой|ого|ему|ому|ская|ский|ское|ской|ского|скому|ским)\s+)?$",
    re.IGNORECASE,
)
# The other side named only by its country ("with their Russian sister cities", «с российскими побратимами»): the
# places of such a sentence are not partners of the text's place.
ONE_SIDED = cue(
    re.compile(
        # not the second half of a compound adjective: «российско-японских побратимов» names both sides
        r"(?<![\w-])(" + "|".join(sorted(DEMONYMS, key=len, reverse=True)) + r")\w*\s+"
        # not before the names, also set off by a dash or a bracket («финские побратимы — Йоэнсуу и Варкаус —»)
        r"(?:sister[- ]?(?:cit|town|communit)|twin|partner|побратим|город|партн[её]р)[\w-]*"
        r"(?![\w-]|\s+[A-ZА-ЯЁ]|\s+[-—–]\s+[A-ZА-ЯЁ]|\s*\(\s*[A-ZА-ЯЁ])",
    )
)
# Its demonym group needs one of the demonyms as written: a second pre-test, asked before the regex scans a sentence.
ONE_SIDED_DEMONYMS = Literals(DEMONYMS)
_EN_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"  # "Havana, Jun 21 (Prensa Latina)"
)
_RU_MONTHS = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
# A dateline: "ALMATY – …", "KHARKIV (Ukrinform) -", or a place and a date opening a line ("TVER, October 14.",
# "Владимир, 12 июня."). The place is in group 1 or group 2.
# Corpus texts open with their metadata date ("date 2023-04-08 ANCHORAGE, Alaska (KTUU) - …"): the dateline follows it.
_DATE_PREFIX = r"(?:date \d{4}-\d{2}-\d{2}\s+)?"
_UPPER = "A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŠČŽŘĐА-ЯЁ"  # capitals with accents too: "CÓRDOBA, Argentina —", "SÃO PAULO —", "ŁÓDŹ —"
DATELINE = re.compile(
    r"(?m)^" + _DATE_PREFIX + "([" + _UPPER + "][" + _UPPER + r"'’. -]*[" + _UPPER + r"])(?:,[^\n—–]{1,30})?(?:\s*\([^()\n]{1,30}\))?\s+(?:[—–-]|--)\s"
    r"|^" + _DATE_PREFIX + r"([A-ZА-ЯЁ][\w'’-]*(?: [A-ZА-ЯЁ][\w'’-]*){0,2}), (?:\d{1,2} " + _RU_MONTHS + "|" + _EN_MONTHS + r" \d{1,2}\b)"
)
# Two region adjectives sharing one head noun: «Ленинградской и Минской областями», "Тверская и Гомельская области"
# (the capital first, the look-behind after it: see RU_NAME).
SHARED_HEAD = re.compile(
    r"([А-ЯЁ](?<![\w-][А-ЯЁ])[А-ЯЁа-яё-]+)\s+и\s+([А-ЯЁ][А-ЯЁа-яё-]+)\s+(област|кра[яеюйм]|республик)[а-яё]*"
)
# "the Amur, Khabarovsk and Jewish Autonomous regions", "the Aktobe and West Kazakhstan regions": names sharing a plural
# head noun, each a region of that kind.
EN_SHARED_HEAD = re.compile(
    r"((?:[A-Z][\w-]+(?: [A-Z][\w-]+){0,2})(?:, [A-Z][\w-]+(?: [A-Z][\w-]+){0,2})*,? and [A-Z][\w-]+(?: [A-Z][\w-]+){0,2})"
    r" (regions|oblasts|provinces|prefectures)\b"
)
EN_SHARED_NAME = re.compile(r"[A-Z][\w-]+(?: [A-Z][\w-]+){0,2}")
EN_HEAD_SINGULAR = {
    "regions": ("Region", "Oblast", "Krai", "Province"),
    "oblasts": ("Oblast", "Region"),
    "provinces": ("Province", "Prefecture"),
    "prefectures": ("Prefecture",),
}
# Singular forms of a shared head noun, to name the first adjective's region ("Ленинградской" + "областью").
HEAD_SINGULAR = {
    "област": ("область", "области", "областью"),
    "кра": ("край", "края", "краю", "краем", "крае"),
    "республик": ("республика", "республики", "республике", "республикой", "республику"),
}
# pymorphy3 word classes that are words, never names, when they open a sentence («Ровно», «Мирно»).
RU_WORD_CLASSES = frozenset({"ADVB", "CONJ", "PRCL", "PREP", "PRED", "INTJ", "NPRO", "ADJS", "COMP", "NUMR"})
# Sentence and paragraph splitting.
# A break is the spaces after a sentence's final punctuation when a capital or a digit follows (group 1), or a line
# break (the match itself, up to the last newline of a blank run). The pattern opens with one character class, the
# punctuation or the newline, so `re` skips to those at C speed; the look-behinds then tell the two kinds apart.
SENTENCE_END = re.compile(r"[.!?…»\"”\n](?:(?<=[.!?…»\"”])(\s+)(?=[\"“«(]?[A-ZА-ЯЁ0-9])|(?<=\n)(?:\s*\n)?)")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
ABBREVIATIONS = (
    "St.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Gov.",
    "Sen.",
    "Rep.",
    "Rev.",
    "U.S.",
    "N.Y.",
    "D.C.",
    "Mt.",
    "Ft.",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Aug.",
    "Sept.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
    "No.",
    "Inc.",
    "Co.",
    "Ave.",
    "г.",
    "гг.",
    "ул.",
    "т.е.",
    "т.д.",
    "им.",
    "Н.",
    "В.",
    "А.",
    "С.",
    "Calif.",
    "Fla.",
    "Minn.",
)

TWIN_RE = cues_ci(*TWIN_CUES)
PARTNER_RE = cues_ci(*PARTNER_CUES)
NEAR_MISS_RE = cues_ci(*NEAR_MISS_CUES, *GUEST_PARTNER_CUES)
# A proposal put on hold is still only a proposal, though "on hold" is also a status word of existing ties.
# A signing's venue: «подписали в Минске соглашения …», "signed in Minsk an agreement …".
SIGNED_IN_BEFORE = re.compile(_SIGNED + r" (?:в|во|in) $")
# Between two clauses of a sentence: ", and suggested …" (not "; either city could be a good fit", about the same pair).
CLAUSE_BREAK = re.compile(r"[,;]\s+(?:and|but|while|whereas)\s")
DEFERRED_PROPOSAL = compile_ci(
    r"propos\w* [^.;]{0,80}(?:put on hold|tabled|shelved|postponed|deferred)",
    _PUT_OFF_DECISION,  # "postponed a decision on whether to …"
    r"(?:tabled|shelved|postponed|deferred) (?:a |the |its )?(?:[\w-]+ ){0,3}propos\w*",
)
PROPOSAL_RE = cues_ci(*PROPOSAL_CUES)
RELATION_RE = words_ci(*RELATION_CUES, whole=True)
NEGATION_RE = cues_ci(*NEGATION_CUES)
GOVERNMENT_RE = cues_ci(*GOVERNMENT_CUES)
# "twin city relations", «побратимские отношения»: relations of the twinning, not of governments.
TWIN_RELATIONS = re.compile(
    r"(?:sister[- ]?(?:cit(?:y|ies)|regions?|states?)|twin[- ]?cit(?:y|ies)|twinning|побратимск\w*|партн[её]рск\w*)\s+"
    r"(?:relations\w*|ties|отношени\w*)",
    re.IGNORECASE,
)
# "The city's …", "the town": a reference to the text's place strong enough to continue a twinning paragraph.
STRONG_COREF_RE = words_ci(r"the (?:city|town|municipality)(?:'s|’s)?", whole=True)
COREF_RE = words_ci(*COREF_CUES, whole=True)
# Every status cue in the order status_of asks: a rejected break first (it holds the words of a break), then the
# statuses in STATUS_CUES order; one pre-test pass serves them all. STATUS_LABELS: the status each one states.
STATUS_RE = cues_ci(*KEPT_CUES, *(token for tokens in STATUS_CUES.values() for token in tokens))
STATUS_LABELS = ("active",) * len(KEPT_CUES) + tuple(status for status, tokens in STATUS_CUES.items() for _ in tokens)
WORD = re.compile(r"[^\W\d_]+")
LOWER_WORD = re.compile(r"(?<![\w.])[a-zа-яё]{2,}")
LIST_WORDS = re.compile(
    r"(?<![\w])(?:and|as well as|plus|и|а также|"
    + "|".join(k.lower() for k in DEMONYMS)
    # any Russian demonym adjective ("болгарским Пловдивом и чешским Пльзенем") separates list items too
    + r"|[а-яё]+(?:ск|цк)(?:ий|ая|ое|им|ой|ого|ому|ую|ие|их|ими|ом))\w*",
    re.IGNORECASE,
)
PARENTHESES = re.compile(r"\([^()]*\)")
IN_COUNTRY = re.compile(r"(?<![\w])(?:in|в|во) [A-ZА-ЯЁ][\w-]*")  # a list entry's locator: "Linz in Austria, …"
WITH_WORD = re.compile(r"(?<![\w])(?:with|с|со)(?![\w])", re.IGNORECASE)  # ", and with Louisville", «и с Тулузой»
# Capitalised words of a heading line set in title case; four-letter ones too ("SALT LAKE CITY"), except acronyms.
ALL_CAPS_WORD = re.compile(r"(?<![\w])(?!(?:TASS|NATO|NASA|BRICS|ASEAN|OSCE|UNDP|ТАСС|СНГ)(?![\w]))[A-ZА-ЯЁ]{4,}(?![\w])")
CAPS_LINE = re.compile(r"(?m)^[^a-zа-яё\n]*[A-ZА-ЯЁ]{5,}[^a-zа-яё\n]*$")  # a line without a lowercase letter
# A paragraph opening with a word in capitals, as local papers set their ledes ("PERTH and Kinross Council is to …",
# "PLYMOUTH'S Lord Mayor"): that word in title case.
CAPS_LEAD_POSSESSIVE = re.compile(r"(?m)^([A-Z][a-z]{3,})(['’])S(?=\s)")  # its possessive: 'S -> 's, same length
CAPS_LEAD = re.compile(r"(?m)^(?!(?:TASS|NATO|NASA|BRICS|ASEAN|OSCE|UNDP)\b)([A-Z])([A-Z]{3,})(?=(?:['’]S)?\s+[A-Za-z])")
CYRILLIC_RE = re.compile(r"[а-яА-ЯёЁ]")


# ---- The name a pair gives a place (tagging_names) ----
# Letters that Unicode does not decompose into a base letter and an accent, folded by hand (Tromsø, Łódź, Straße).
UNFOLDABLE = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "æ": "ae", "Æ": "Ae",
                            "œ": "oe", "ß": "ss", "ı": "i", "ħ": "h"})
# Countries whose places' English names follow a transliteration the annotation rule fixes (Nizhny Novgorod, Kyiv,
# Leningrad Oblast): their canonical name is used whatever spelling the text has.
TRANSLITERATED_COUNTRIES = frozenset(
    {"RU", "BY", "UA", "KZ", "UZ", "KG", "TJ", "TM", "AZ", "AM", "GE", "MD", "MN"}
)
# How close a written spelling must be to the canonical name to count as a spelling of it ("Ghent"/"Gent" 0.89,
# "Beit Jala"/"Bayt Jala" 0.78), not another name ("Cracow"/"Krakow" 0.67, "Peking"/"Beijing").
WRITTEN_SPELLING_RATIO = 0.75


# ---- Foreign names in Russian that the gazetteer lacks (transcription) ----
# Russian letters in the romanisation English news use (the gazetteer build's table; й and ь count as vowels here).
RU_LATIN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
         "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
        strict=True,
    )
)
# A consonant skeleton that a Russian transcription and the original spelling share ("Коттбусом" ~ Cottbus,
# "Челтнем" ~ Cheltenham, "Гянджа" ~ Ganja): spellings of one sound made equal, in this order, then vowels and h
# dropped and doubled letters merged.
SKELETON_REWRITES = (
    ("shch", "sh"), ("sch", "sh"), ("tch", "ch"), ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("ph", "f"),
    ("th", "t"), ("gh", "g"), ("ck", "k"), ("ch", "c"), ("sh", "s"), ("ts", "s"), ("tz", "s"), ("z", "s"),
    ("x", "ks"), ("q", "k"), ("c", "k"), ("w", "v"),
)
SKELETON_DROP = re.compile(r"[aeiouyh]")
# Onsets a Russian transcription writes voiceless where the Latin romanisation writes them voiced, by country (after
# SKELETON_REWRITES): the Kontsevich system spells Korean initial ㄷ/ㄱ/ㅂ/ㅈ as т/к/п/ч, the Revised Romanisation as
# d/g/b/j («Тонхэ» is Donghae, «Кёнджу» Gyeongju); both spellings are filed under the voiceless one.
VOICELESS_ONSETS = {"KR": {"d": "t", "g": "k", "b": "p", "j": "k"}}
# A capitalised Cyrillic name the gazetteer did not match (hyphenated parts allowed: «Велико-Тырново»).
# (A pattern searched over whole texts opens with its character class, the look-behind after it: `re` then skips to
# the next capital at C speed instead of trying the look-behind at every character.)
RU_NAME = re.compile(r"[А-ЯЁ](?<![\w-][А-ЯЁ])[а-яё]+(?:-[А-ЯЁа-яё][а-яё]*){0,3}(?![\w-])")
# How close the romanised name must be to the place's own spelling once their skeletons agree; a Latin name the
# gazetteer lacks must be closer to count as a misspelling of a city ("Tromse" ~ Tromsø 0.83).
TRANSCRIPTION_RATIO = 0.6
MISSPELLING_RATIO = 0.8


# ---- Towns the gazetteer lacks, named with their country ("Dorsheim, Germany"; tagging_unknown.unlisted_mentions) ----
# A country qualifier's opening (", Germany", " (Mexico)", " | Ghana"); the name before it is read from its end,
# over letters and these characters.
UNLISTED_GAP_END = re.compile(r"[ \t]*(?:,|\(|\|)[ \t]*$|[ \t]+(in)[ \t]+(?:the[ \t]+)?$")
# "… with Severo-Kurilsk in Russia's Sakhalin region": a name located by "in" must follow one of these words.
UNLISTED_IN_AFTER = frozenset(["with", "and", "of", "to", "between"])
UNLISTED_NAME_CHARS = frozenset(" -'’.")
# The run of such characters and letters or digits that opens a string: read on the reversed text before a country,
# it measures the name that ends there.
UNLISTED_NAME_RUN = re.compile(r"(?:[^\W_]|[" + re.escape("".join(sorted(UNLISTED_NAME_CHARS))) + r"])*")
# A list of pairs in a sentence: "Bridport and Saint-Vaast-la-Hougue, Lyme Regis and Barfleur, and Shaftesbury and
# Brionne" (names of capitalised, maybe hyphenated words; the pairs apart by commas or semicolons, maybe with "and").
_LIST_NAME = r"[A-Z][\w'’]*(?:-[\w'’]+)*(?: [A-Z][\w'’]*(?:-[\w'’]+)*){0,3}"
PAIR_LIST = re.compile(rf"{_LIST_NAME} and {_LIST_NAME}(?:[,;](?: and)? {_LIST_NAME} and {_LIST_NAME})+")
PAIR_LIST_PAIR = re.compile(rf"({_LIST_NAME}) and ({_LIST_NAME})")
# Lowercase words inside a place name ("San Pietro in Cariano", "Isla de la Juventud", "Neustadt an der Weinstraße").
UNLISTED_CONNECTORS = frozenset(
    ["de", "del", "della", "di", "da", "do", "dos", "du", "des", "la", "le", "les", "el", "al", "in", "an", "am", "der",
     "den", "im", "sur", "on", "upon", "en", "y", "of"]
)
# Words that open a hyphenated place name ("Château-Chinon", "Villeneuve-Loubet"): a place matched after one is the
# end of that longer name.
NAME_HEADS = frozenset(
    ["Château", "Chateau", "Saint", "Sainte", "St", "Ste", "Bourg", "Mont", "Pont", "Villeneuve", "Villefranche",
     "Neuf", "Vieux", "Grand", "Petit", "Sankt", "Bad", "Notre", "Fontaine", "Ville", "Val", "Plou", "Mesnil"]
)
# The same inside hyphenated names, Russian ones too («Ростов-на-Дону»); the word after a hyphen.
NAME_CONNECTORS = UNLISTED_CONNECTORS | {"на", "над", "де", "ла"}
HYPHEN_WORD = re.compile(r"[^\W\d_]+")
# Common words that often open a town's name ("Port Stephens", "Lake Macquarie", "New Athos"): allowed before a rarer
# word that ends it.
UNLISTED_HEADS = frozenset(
    ["Port", "Lake", "New", "San", "Santa", "Santo", "Saint", "St", "St.", "Bad", "Villa", "Ciudad", "Puerto", "Fort",
     "Mount", "North", "South", "East", "West", "Upper", "Lower", "Great", "Little", "Isla", "Nova", "Novo", "Nueva",
     "Nuevo", "Sankt", "Le", "La", "El", "Al", "Las", "Los", "Rio", "Monte", "Castel", "Castle", "Cape", "Old"]
)


# A region's name made of a town's name and a region word ("Durham County", "Amur Oblast"): it says nothing of which
# town of that name a text means.
NAMED_REGION_END = re.compile(
    r" (?:County|Borough|Parish|District|Region|Oblast|Province|Prefecture|Krai|Territory)$", re.IGNORECASE
)
# How many more countries and one-country towns of its country a homonym's other reading needs than its first one
# has, in a text with that country's words (a single "County Council" in an American newsletter is not enough).
HOMONYM_MARGIN = 2
# Words that say which country a text is written in, for its homonyms when it names no country: British money, council
# titles and spelling ("£", "Town Council", "councillors", "Lord Mayor", "twinning association").
# "Not to be confused with Birmingham in England's West Midlands, the U.S. city …": the place named next is not the
# one the text's bare name means.
NOT_CONFUSED = re.compile(
    r"\b(?:not to be confused|(?:should|must|is|are) not (?:be )?confused|confusion) with\s+", re.IGNORECASE
)
# Between a place and the place that locates it: "Birmingham in England's West Midlands", "Valencia in Spain".
LOCATED_IN = re.compile(r"\s+in\s+(?:the\s+)?")
# "its namesake in the United States", "our American namesake": where the text's place's namesake is, so not it.
NAMESAKE = re.compile(r"\bnamesakes?\b", re.IGNORECASE)
NAMESAKE_IN = re.compile(r"(?:'s?|’s?)?\s+(?:in|across)\s+(?:the\s+)?(?-i:[A-Z])[\w.-]*(?:\s(?-i:[A-Z])[\w.]*)?")
# "Esbjerg, Stavanger and Eskilstuna are also each other's twins": every place of the list with every other.
EACH_OTHER = re.compile(
    r"\b(?:are|were)\s+(?:also\s+)?(?:each other's|one another's)\s+(?:twins?|sister|partner)", re.IGNORECASE
)
# The countries whose councils write like British ones ("councillors", "Town Council").
BRITISH_USAGE = frozenset(["GB", "IE", "AU", "NZ"])
COUNTRY_WORD_CUES = {
    "GB": cue(
        re.compile(
            r"£|\b(?:Town|Borough|County|District|Parish) Council\b|\bcouncillors?\b|\bLord (?:Mayor|Provost)\b"
            r"|\bTwinning Association\b|\btown twinning\b",
            re.IGNORECASE,
        )
    ),
}
