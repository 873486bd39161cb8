"""A stress set for the cross-article linker: stories where a link rule could merge two people.

Each story is a few fictional articles with the hard cases news gives: two people sharing
a surname (a mother and son, two ministers named Khan), a description two people fit (an
unnamed suspect and a named victim, both "a Chicago teenager"), a title two people hold in
two articles ("the minister"), a place that is also a body's name ("a Kestrel Bay coach"
beside the "Kestrel Bay Rowing Club" coach), a home town shared by the accused and the
victim. Each lists phrases a reader can tell apart, with the person each refers to; the
test fails when one Storyline entity holds phrases of two different people. A missed link
passes: a false merge is worse than a missed one.

All texts are fictional.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import pytest

from storyline.entities import link_entities


class Said(NamedTuple):
    """A phrase of one article (its first occurrence; `part`: the words matched inside
    it, where the phrase only finds the place) and the person it refers to."""

    article: int
    phrase: str
    person: str
    part: str = ""


class Story(NamedTuple):
    name: str
    texts: tuple[str, ...]
    said: tuple[Said, ...]


MOTHER_AND_SON = Story("mother and son", (
    "Police in Brenmoor named the woman found dead at her home as Dorota Khalil, 62. Her "
    "son, Idris Khalil, 34, was arrested on Tuesday.",
    "Idris Khalil appeared before magistrates on Thursday charged with murdering his mother. "
    "Khalil, who wore a grey tracksuit, spoke only to confirm his name.",
    "A Brenmoor mother of four was killed in her kitchen, a court heard on Friday. Mrs Khalil "
    "had called the police twice that month.",
    "Khalil was remanded in custody until a hearing in March.",
), (
    Said(0, "Dorota Khalil", "dorota"), Said(2, "Mrs Khalil", "dorota"),
    Said(2, "A Brenmoor mother of four", "dorota"),
    Said(0, "Idris Khalil", "idris"), Said(1, "Idris Khalil", "idris"),
    Said(1, "Khalil, who", "idris", "Khalil"), Said(3, "Khalil was", "idris", "Khalil"),
))

BARE_SURNAMES_OF_TWO = Story("two articles naming neither bearer, each by the bare surname", (
    "Police in Brenmoor named the woman found dead at her home as Dorota Khalil, 62. Her "
    "son, Idris Khalil, 34, was arrested on Tuesday.",
    "Idris Khalil appeared before magistrates on Thursday charged with murdering his mother.",
    "Khalil was remanded in custody until a hearing in March.",
    "Neighbours laid flowers on Sunday. Khalil had lived on the street for forty years, "
    "they said.",
), (
    Said(0, "Dorota Khalil", "dorota"), Said(0, "Idris Khalil", "idris"),
    Said(1, "Idris Khalil", "idris"), Said(2, "Khalil was", "idris", "Khalil"),
    Said(3, "Khalil had", "dorota", "Khalil"),
))

TWO_MINISTERS_KHAN = Story("two ministers named Khan", (
    "Finance Minister Ayesha Khan presented the budget to parliament on Monday. The minister "
    "said income tax would not rise this year.",
    "Health Minister Tariq Khan warned on Tuesday that hospitals faced cuts. The minister "
    "told reporters the budget left his department short.",
    "Opposition leader Ruth Abara said the finance minister had misled parliament about the "
    "budget. Ms Khan rejected the claim on Wednesday.",
), (
    Said(0, "Ayesha Khan", "ayesha"), Said(0, "The minister", "ayesha"),
    Said(2, "Ms Khan", "ayesha"), Said(2, "the finance minister", "ayesha"),
    Said(1, "Tariq Khan", "tariq"), Said(1, "The minister", "tariq"),
    Said(2, "Ruth Abara", "ruth"),
))

TWO_TEENAGERS = Story("an unnamed suspect and a named victim, both Chicago teenagers", (
    "A Chicago teenager was charged on Friday with shooting another teenager outside a high "
    "school.",
    "Marcus Dell, a Chicago teenager, died in hospital on Thursday night after he was shot "
    "outside Lakeview High School. Police said the suspect, 16, could not be named because "
    "of his age.",
    "The Chicago teenager accused of the shooting appeared in juvenile court on Monday. "
    "Renee Dell, the victim's mother, wept in the gallery.",
), (
    Said(0, "A Chicago teenager", "suspect"), Said(1, "the suspect", "suspect"),
    Said(2, "The Chicago teenager", "suspect"),
    Said(1, "Marcus Dell", "marcus"), Said(2, "Renee Dell", "renee"),
))

TWO_TRANSPORT_MINISTERS = Story("one title held by two people in two articles", (
    "Transport Minister Helga Brandt opened the new rail line at Osterby on Monday. The "
    "minister cut a ribbon on the platform.",
    "The Osterby line closed a year later. Transport Minister Piet Vandersloot, who replaced "
    "Brandt in a reshuffle, said the minister before him had ignored warnings.",
    "The minister promised on Friday that a new line would open by spring.",
), (
    Said(0, "Helga Brandt", "helga"), Said(0, "The minister", "helga"),
    Said(1, "Brandt in", "helga", "Brandt"), Said(1, "the minister before", "helga"),
    Said(1, "Piet Vandersloot", "piet"),
))

PLACE_AND_CLUB = Story("a place that is also a club's name", (
    "A Kestrel Bay coach was arrested on Saturday over missing club funds.",
    "Lena Ortiz, a Kestrel Bay Rowing Club coach, said members were shocked. \"We trusted "
    "everyone,\" Ortiz said.",
    "The arrested coach, who has not been named, was released on bail on Sunday. Kestrel Bay "
    "Rowing Club said it was helping the police.",
), (
    Said(0, "A Kestrel Bay coach", "arrested"), Said(2, "The arrested coach", "arrested"),
    Said(1, "Lena Ortiz", "lena"), Said(1, "Ortiz said", "lena", "Ortiz"),
))

ONE_HOME_TOWN = Story("the accused and the victim from one town", (
    "A Holtby man was charged on Sunday with attacking a neighbour.",
    "Ewan Pask, of Holtby, was treated in hospital for head wounds after the attack. Pask, "
    "58, is expected to recover.",
    "The Holtby man accused of the attack will appear in court on Monday, police said.",
), (
    Said(0, "A Holtby man", "accused"), Said(2, "The Holtby man", "accused"),
    Said(1, "Ewan Pask", "ewan"), Said(1, "Pask, 58", "ewan", "Pask"),
))

TWO_NAMED_TEENAGERS = Story("two named teenagers and a description in a third article", (
    "Chicago teenager Marcus Dell was shot outside Lakeview High School on Thursday.",
    "Police charged Chicago teenager Jalen Price, 17, with the shooting on Friday.",
    "The Chicago teenager appeared in court on Monday, his lawyer said.",
), (
    Said(0, "Marcus Dell", "marcus"), Said(1, "Jalen Price", "jalen"),
    Said(2, "The Chicago teenager", "jalen"),
))

HEADLINE_NOUN_AND_VICTIM = Story("a headline's suspect and the victim the article names", (
    "Teenager Charged Over Lakeview Shooting\n\nA 16-year-old boy was charged on Friday "
    "with the shooting of Marcus Dell outside Lakeview High School. Dell, 17, died in "
    "hospital. The boy cannot be named because of his age.",
    "Marcus Dell was remembered at a vigil on Saturday. \"He was kind,\" his aunt, Renee "
    "Dell, said.",
), (
    Said(0, "Teenager", "suspect"), Said(0, "A 16-year-old boy", "suspect"),
    Said(0, "Marcus Dell", "marcus"), Said(0, "Dell, 17", "marcus", "Dell"),
    Said(1, "Marcus Dell", "marcus"), Said(1, "Renee", "renee", "Renee"),
))

LAWYER_FOR_THE_ACCUSED = Story("a lawyer named by the client he speaks for", (
    "Ada Rusk, 41, was charged on Monday with stealing from the Fennick Trust. Her lawyer, "
    "Tom Fell, said she would plead not guilty.",
    "Rusk's attorney told reporters on Tuesday that the charges were unfounded. Fell said "
    "his client had repaid the money.",
    "Ada Rusk appeared in court on Wednesday. The lawyer for Ada Rusk asked for bail.",
), (
    Said(0, "Ada Rusk", "ada"), Said(2, "Ada Rusk appeared", "ada", "Ada Rusk"),
    Said(0, "Tom Fell", "tom"), Said(1, "Fell said", "tom", "Fell"),
    Said(1, "Rusk's attorney", "tom"), Said(2, "The lawyer for Ada Rusk", "tom"),
))

FATHER_AND_SON = Story("a father and son of one name in three articles", (
    "Senator Ray Dunmore and his son, Kyle Dunmore, 22, were questioned by police on Friday "
    "over a crash near Oakvale. Dunmore said his son had been driving.",
    "Kyle Dunmore was charged on Saturday with dangerous driving. Dunmore, a student, was "
    "released on bail.",
    "Ray Dunmore said on Sunday he would not resign. The senator told reporters his family "
    "needed privacy.",
), (
    Said(0, "Ray Dunmore", "ray"), Said(0, "Dunmore said", "ray", "Dunmore"),
    Said(2, "Ray Dunmore", "ray"), Said(2, "The senator", "ray"),
    Said(0, "Kyle Dunmore", "kyle"), Said(1, "Kyle Dunmore", "kyle"),
    Said(1, "Dunmore, a student", "kyle", "Dunmore"),
))

BROTHERS = Story("two brothers in one article, each named once in another", (
    "The Okafor brothers opened a bakery in Linmouth on Saturday. Emeka Okafor, 31, bakes "
    "the bread; his brother, Chidi Okafor, 28, runs the shop.",
    "Emeka Okafor said the bakery had taken two years to plan.",
    "Chidi Okafor said the queue had stretched round the block. Okafor, a former banker, "
    "said he had never worked so hard.",
), (
    Said(0, "Emeka Okafor", "emeka"), Said(1, "Emeka Okafor", "emeka"),
    Said(0, "Chidi Okafor", "chidi"), Said(2, "Chidi Okafor", "chidi"),
    Said(2, "Okafor, a former", "chidi", "Okafor"),
))

SPOUSES = Story("a husband and wife, one of them named by an honorific", (
    "Ines and Mark Calloway lost their farm at Brayfield to the flood on Tuesday. Mrs "
    "Calloway said the water rose in an hour.",
    "Mark Calloway, 57, a dairy farmer, said the herd had been moved in time.",
    "Mr Calloway said on Thursday that the family would rebuild.",
), (
    Said(0, "Mrs Calloway", "ines"), Said(0, "Ines", "ines"),
    Said(1, "Mark Calloway", "mark"), Said(2, "Mr Calloway", "mark"),
))

NAMESAKES = Story("one full name for a roofer of 34 and a sheriff of 61 in two articles", (
    "Tom Brand, 34, a roofer from Ellisford, fell from a ladder on Monday and broke his leg.",
    "Tom Brand, 61, the Garrow County sheriff, said on Tuesday that his deputies would "
    "patrol the fair.",
    "The sheriff said the fair had passed without arrests.",
), (
    Said(0, "Tom Brand", "roofer"),
    Said(1, "Tom Brand", "sheriff"), Said(2, "The sheriff", "sheriff"),
))

BARE_SURNAME_OF_TWO_HERE = Story("a bare surname in an article naming two bearers", (
    "Judge Helen Marsh jailed Owen Marsh, no relation, for six years on Monday. Marsh, 45, "
    "had denied fraud.",
    "Owen Marsh will appeal, his lawyer said.",
    "Judge Helen Marsh retired on Friday after thirty years on the bench.",
), (
    Said(0, "Helen Marsh", "helen"), Said(2, "Helen Marsh", "helen"),
    Said(0, "Owen Marsh", "owen"), Said(1, "Owen Marsh", "owen"),
    Said(0, "Marsh, 45", "owen", "Marsh"),
))

MOTHER_SPEAKS_FOR_SON = Story("a relative speaks for the accused who shares her surname", (
    "Lorna Pike said on Monday that her son, Dean Pike, 19, was innocent. Pike was arrested "
    "after a fire at a Westwold warehouse.",
    "Dean Pike was charged with arson on Tuesday. Pike, who is unemployed, said nothing in "
    "court.",
    "Lorna Pike, a nurse, wept outside the court. \"He is a good boy,\" Mrs Pike said.",
), (
    Said(0, "Lorna Pike", "lorna"), Said(2, "Lorna Pike", "lorna"),
    Said(2, "Mrs Pike", "lorna"),
    Said(0, "Dean Pike", "dean"), Said(1, "Dean Pike", "dean"),
    Said(1, "Pike, who", "dean", "Pike"),
))

VICTIMS_SPOKESMAN = Story("a spokesman named by the minister he speaks for", (
    "Education Minister Rosa Ilic announced school closures on Monday. A spokesman for Rosa "
    "Ilic, Jan Vrba, said the list was final.",
    "Vrba said on Tuesday that parents would be told by letter. Ilic's spokesman added that "
    "no teacher would lose their job.",
), (
    Said(0, "Rosa Ilic", "rosa"), Said(0, "Jan Vrba", "jan"),
    Said(1, "Vrba said", "jan", "Vrba"), Said(1, "Ilic's spokesman", "jan"),
))

HEADLINE_LAWYER = Story("a headline's lawyer over an article about the client", (
    "Lawyer Quits Over Unpaid Fees\n\nAda Rusk's legal team shrank on Monday. Rusk, 41, "
    "faces theft charges. Rusk had not paid her bills, a court filing said. Rusk will now "
    "represent herself, the filing said. Tom Fell confirmed he had left.",
    "Ada Rusk told the court on Tuesday that Tom Fell had been paid in full.",
), (
    Said(0, "Lawyer", "tom"), Said(0, "Tom Fell", "tom"), Said(1, "Tom Fell", "tom"),
    Said(0, "Rusk, 41", "ada", "Rusk"), Said(1, "Ada Rusk", "ada"),
))

SON_OF_THE_ACCUSED = Story("a son named by his father's name", (
    "Gerrit Haan, 70, was charged with fraud on Monday. Haan's son, Pieter Haan, said his "
    "father was innocent.",
    "Pieter Haan, 38, told reporters on Tuesday that Haan would fight the charges. The son "
    "of Gerrit Haan said the family stood together.",
), (
    Said(0, "Gerrit Haan", "gerrit"), Said(1, "Haan would", "gerrit", "Haan"),
    Said(0, "Pieter Haan", "pieter"), Said(0, "Haan's son", "pieter"),
    Said(1, "Pieter Haan", "pieter"), Said(1, "The son of Gerrit Haan", "pieter"),
))

INTRODUCED_LATER = Story("a bare surname before the second bearer is introduced", (
    "Director Maren Osei opened the Tallbrook museum on Saturday. Osei said the collection "
    "had taken a decade to gather. Councillor Kwame Osei, her brother, cut the ribbon.",
    "Kwame Osei said on Sunday the council would fund a second wing. Osei, 52, chairs the "
    "culture committee.",
), (
    Said(0, "Maren Osei", "maren"), Said(0, "Osei said", "maren", "Osei"),
    Said(0, "Kwame Osei", "kwame"), Said(1, "Kwame Osei", "kwame"),
    Said(1, "Osei, 52", "kwame", "Osei"),
))

WIDOW_AND_VICTIM = Story("a victim and his widow, the surname alone in a third article", (
    "Firefighter Leon Varga, 44, died on Tuesday in a blaze at a Corrin warehouse. His wife, "
    "Hanna Varga, said he had loved the job.",
    "Hanna Varga thanked the crews on Wednesday. \"They tried everything,\" Mrs Varga said.",
    "Varga had served the Corrin station for twenty years, the fire chief said.",
), (
    Said(0, "Leon Varga", "leon"), Said(2, "Varga had", "leon", "Varga"),
    Said(0, "Hanna Varga", "hanna"), Said(1, "Hanna Varga", "hanna"),
    Said(1, "Mrs Varga", "hanna"),
))

VICTIM_AND_DRIVER = Story("a headline's victim and the driver charged", (
    "Woman Hurt At Ellisford Fair, Driver Charged\n\nA woman was hurt when a van struck a "
    "stall at the Ellisford fair on Sunday. Mara Lind, 61, was treated for a broken arm. "
    "Tom Brand, 34, was charged on Monday with dangerous driving.",
    "Mara Lind said on Tuesday she held no grudge against Tom Brand.",
), (
    Said(0, "Woman", "mara"), Said(0, "Mara Lind", "mara"), Said(1, "Mara Lind", "mara"),
    Said(0, "Driver", "tom"), Said(0, "Tom Brand", "tom"), Said(1, "Tom Brand", "tom"),
))

TWO_DEATHS = Story("a headline's climber and an earlier death the article recalls", (
    "Climber Killed In Fall On Mount Garrow\n\nA British man has been killed after falling "
    "600 metres on Mount Garrow. Tom Brand, 32, was climbing with three friends on "
    "Saturday. Mr Brand was not roped, police said. The fall came a day after Ola Fenn "
    "died on the same ridge.",
    "Ola Fenn, 36, was remembered at a service in Tessbury on Friday.",
), (
    Said(0, "Climber", "tom"), Said(0, "Tom Brand", "tom"), Said(0, "Mr Brand", "tom"),
    Said(0, "Ola Fenn", "ola"), Said(1, "Ola Fenn", "ola"),
))

CLIENTS_SURNAME_BEFORE_A_NOUN = Story("a lawyer named by the client's surname before his job", (
    "Ada Rusk, 41, was charged with theft on Monday. Her lawyer, Tom Fell, said she would "
    "fight the charge.",
    "A Rusk lawyer asked for bail on Tuesday, and Ada Rusk was released. Tom Fell said his "
    "client was relieved.",
), (
    Said(0, "Ada Rusk", "ada"), Said(1, "Ada Rusk", "ada"),
    Said(0, "Tom Fell", "tom"), Said(1, "Tom Fell", "tom"), Said(1, "Rusk lawyer", "tom"),
))

TWO_BEARERS_OF_A_PLACE_NAME = Story("a surname that is also a town, borne by two people", (
    "Judge Ruth Orlando jailed Dane Orlando, no relation, for six years on Monday in "
    "Tessbury.",
    "Dane Orlando, 33, will appeal, his lawyer said.",
    "Orlando, 33, was jailed for six years. Officials in Orlando said the court was full.",
), (
    Said(0, "Ruth Orlando", "ruth"), Said(0, "Dane Orlando", "dane"),
    Said(1, "Dane Orlando", "dane"), Said(2, "Orlando, 33", "dane", "Orlando"),
))

TWO_PLAYERS_ONE_SURNAME = Story("two players of one surname, each named once in full", (
    "Guard Marcus Young signed with the Tessbury Hawks on Monday.",
    "Forward Oliver Young left the Brisk Rovers on Tuesday.",
    "Young, 31, said he was happy with the move.",
), (
    Said(0, "Marcus Young", "marcus"), Said(1, "Oliver Young", "oliver"),
))

CAPTAIN_AND_COACH = Story("two people named beside two jobs by one 'became'", (
    "Ada Rusk became the captain and Tom Fell the coach of the Tessbury Hawks on Monday.",
    "Tom Fell said the coach's job was his dream. Ada Rusk, 29, said she was proud.",
), (
    Said(0, "Ada Rusk", "ada"), Said(0, "the captain", "ada"), Said(1, "Ada Rusk", "ada"),
    Said(0, "Tom Fell", "tom"), Said(0, "the coach", "tom"), Said(1, "Tom Fell", "tom"),
))

TWO_NAMED_TO_TWO_JOBS = Story("two people a club names to two jobs in one sentence", (
    "The Hawks named Tom Fell the new coach and Ada Rusk the captain on Monday.",
    "Tom Fell is the coach and Ada Rusk the captain of the Tessbury Hawks.",
    "The Hawks hired Tom Fell as coach and Ada Rusk as the team's captain.",
), (
    Said(0, "Tom Fell", "tom"), Said(0, "the new coach", "tom"), Said(0, "Ada Rusk", "ada"),
    Said(0, "the captain", "ada"), Said(1, "the coach", "tom"), Said(1, "the captain", "ada"),
    Said(2, "Tom Fell", "tom"), Said(2, "the team's captain", "ada"),
))

ACCUSER_AND_ARRESTED = Story("a title's accused woman beside the man the body arrests", (
    "Woman accused of lying about shop theft\n\nTom Fell, 40, was arrested on Monday after "
    "his neighbour Ada Rusk reported the theft. Ada Rusk, 52, said she saw him.",
), (
    Said(0, "Woman accused", "ada", "Woman"), Said(0, "Ada Rusk reported", "ada", "Ada Rusk"),
    Said(0, "Tom Fell", "tom"),
))

OUT_AS_ANOTHER_NAMED = Story("a headline's job after 'as' and a second name", (
    "Tom Fell Out As Ada Rusk Named Coach\n\nThe Tessbury Hawks named Ada Rusk their coach "
    "on Monday. Tom Fell left the club after nine losses.",
    "Hawks Sack Tom Fell, Hire Ada Rusk As Coach\n\nThe Tessbury Hawks sacked Tom Fell on "
    "Monday and hired Ada Rusk.",
), (
    Said(0, "Tom Fell Out", "tom", "Tom Fell"), Said(0, "Named Coach", "ada", "Coach"),
    Said(1, "Tom Fell,", "tom", "Tom Fell"), Said(1, "As Coach", "ada", "Coach"),
))

REPLACED_AS_COACH = Story("a headline's job after 'replaces' or 'over' another name", (
    "Ada Rusk Replaces Tom Fell As Hawks Coach\n\nThe Tessbury Hawks named Ada Rusk their "
    "coach on Monday. Tom Fell, 58, was sacked after nine losses.",
    "Hawks Hire Ada Rusk To Succeed Tom Fell As Coach\n\nTom Fell said he was sad to go. "
    "Ada Rusk, 41, starts in May.",
    "Hawks Pick Ada Rusk Over Tom Fell As Coach\n\nTom Fell, 58, had wanted the job.",
), (
    Said(0, "Tom Fell As", "tom", "Tom Fell"), Said(0, "Hawks Coach", "ada", "Coach"),
    Said(0, "Tom Fell, 58", "tom", "Tom Fell"), Said(1, "Tom Fell said", "tom", "Tom Fell"),
    Said(1, "As Coach", "ada", "Coach"), Said(2, "Tom Fell, 58", "tom", "Tom Fell"),
    Said(2, "As Coach", "ada", "Coach"),
))

ACCUSING_FATHER = Story("a title's father who accused the man the body charges", (
    "Father accused coach of abuse, court told\n\nDan Brook, 45, told Tessbury Crown Court "
    "that he had warned the club. Tom Fell, 50, was charged with assault in May. Fell "
    "denies the charges.",
    "Tom Fell appeared in court on Monday.",
), (
    Said(0, "Father", "dan"), Said(0, "Dan Brook", "dan"), Said(0, "Tom Fell", "tom"),
    Said(0, "Fell denies", "tom", "Fell"), Said(1, "Tom Fell", "tom"),
))

TOWN_THAT_SPEAKS = Story("a town that speaks, named like a person's surname", (
    "A storm flooded Orlando on Monday. Roads in Orlando were closed and schools across "
    "Orlando shut. Dane Orlando, 33, a Tessbury nurse, was stranded.",
    "Orlando said on Tuesday it would rebuild the bridge. Flood water in Orlando fell "
    "overnight.",
    "Orlando told residents to stay home. The Orlando mayor, Kim Odell, said the city would "
    "recover.",
), (
    Said(0, "Dane Orlando", "dane"), Said(1, "Orlando said", "town", "Orlando"),
    Said(2, "Orlando told", "town", "Orlando"),
))

FIRM_NAMED_AFTER_A_MAN = Story("a firm named like a man beside a worker of its surname", (
    "Marcus Young bought the Tessbury mill on Monday, the firm said. Marcus Young has 40 "
    "stores.",
    "Young, 31, a worker at the mill, said she feared for her job.",
), (
    Said(0, "Marcus Young bought", "firm", "Marcus Young"), Said(1, "Young, 31", "worker",
                                                                "Young"),
))

FATHER_AND_SON_TWO_GIVEN_NAMES = Story("a father with two given names and his son", (
    "Jose Luis Varela, 71, the founder of Varela Olives, died on Sunday in Cantoria. His son, "
    "Luis Varela Jr., 44, now runs the firm.",
    "Luis Varela Jr. said the harvest would go ahead. Jose Varela had planted the first grove "
    "in 1975.",
), (
    Said(0, "Jose Luis Varela", "jose"), Said(1, "Jose Varela", "jose"),
    Said(0, "Luis Varela Jr.", "luis", "Luis Varela"),
    Said(1, "Luis Varela Jr.", "luis", "Luis Varela"),
))

TWO_GARCIAS = Story("a double-barrelled surname beside another Garcia", (
    "Ana Garcia-Lopez, a nurse at Vellmoor Hospital, won the award on Friday.",
    "Ana Garcia, a Vellmoor councillor, handed out the prizes. Marta Garcia, her sister, "
    "sang.",
), (
    Said(0, "Ana Garcia-Lopez", "nurse"), Said(1, "Ana Garcia", "councillor"),
    Said(1, "Marta Garcia", "sister"),
))

NICKNAMED_NAMESAKES = Story("a nicknamed player and an older namesake by the nickname", (
    'William "Billy" Tarrow, 19, scored twice for Dunmore Rovers on Saturday. Tarrow said '
    "the second goal was for his grandmother.",
    "Billy Tarrow, 61, a retired miner from Elsin, won the village pie contest on Sunday.",
), (
    Said(0, 'William "Billy" Tarrow', "player"), Said(0, "Tarrow said", "player", "Tarrow"),
    Said(1, "Billy Tarrow", "miner"),
))

DASH_HEADLINE_TWO_VENNS = Story("a headline surname after a dash that two people bear", (
    "Hawks - Venn Rumor\n\nThe Tessbury Hawks are close to hiring Dario Venn, sources said. "
    "His sister, Ilse Venn, coaches the Dunmore Rovers.",
    "Ilse Venn said her brother would be a fine coach.",
), (
    Said(0, "Dario Venn", "dario"), Said(0, "Ilse Venn", "ilse"), Said(1, "Ilse Venn", "ilse"),
))

BARREL_AND_A_NAMESAKE = Story("one barrel of a surname that another person bears whole", (
    "Ana Garcia-Lopez, a nurse at Vellmoor Hospital, won the award on Friday. The prize was "
    "handed out by Tomas Lopez, the hospital's director.",
    "Lopez said the nurses had carried the hospital through the winter.",
), (
    Said(0, "Ana Garcia-Lopez", "ana"), Said(0, "Tomas Lopez", "tomas"),
    Said(1, "Lopez said", "tomas", "Lopez"),
))

BARREL_OF_A_FIRM = Story("one barrel of a surname that a firm of the story is named after", (
    "Ana Garcia-Lopez, a nurse at Vellmoor Hospital, won the award on Friday.",
    "Lopez Foods, the town's largest employer, sponsored the prize. Lopez paid for the "
    "dinner as well.",
), (
    Said(0, "Ana Garcia-Lopez", "ana"), Said(1, "Lopez paid", "firm", "Lopez"),
))

BARREL_OF_A_FOUNDER = Story("one barrel of a surname borne by the founder of a firm of it", (
    "Ana Garcia-Lopez, a nurse at Vellmoor Hospital, won the award on Friday.",
    "Lopez Foods sponsored the prize. Its founder, Lopez, said the nurses deserved it. "
    "Lopez, 70, has lived in Vellmoor all his life.",
), (
    Said(0, "Ana Garcia-Lopez", "ana"), Said(1, "Lopez, said", "founder", "Lopez"),
    Said(1, "Lopez, 70", "founder", "Lopez"),
))

JOB_SURNAMES = Story("two coaches whose surnames are jobs, one named 'as Head Coach'", (
    "Rovers Name Ada King as Head Coach\n\nThe Dunmore Rovers named Ada King as head coach "
    "on Monday. She replaces Dario Marshal, who was fired in May.",
    "Coach Marshal said the club had made a good choice. King said she would keep the "
    "captain.",
), (
    Said(0, "Ada King as head", "ada", "Ada King"), Said(1, "King said", "ada", "King"),
    Said(0, "Dario Marshal", "dario"), Said(1, "Coach Marshal", "dario", "Marshal"),
))

TWO_MIDDLE_INITIALS = Story("one name, two middle initials", (
    "Tom J. Brand, a roofer from Elsin, was rescued from a roof on Monday.",
    "Tom K. Brand, the Elsin fire chief, said the rescue took two hours.",
    "Tom Brand thanked the crews.",
), (
    Said(0, "Tom J. Brand", "roofer"), Said(1, "Tom K. Brand", "chief"),
))

MAC_AND_MC = Story("a MacAllister and a McAllister", (
    "Harbour master Ewan MacAllister closed the port on Monday. A fisherman, Rory McAllister, "
    "said his boat had sunk at its mooring.",
    "McAllister said the nets were lost. MacAllister said the port would reopen on Friday.",
), (
    Said(0, "Ewan MacAllister", "ewan", "MacAllister"), Said(1, "MacAllister said", "ewan",
                                                             "MacAllister"),
    Said(0, "Rory McAllister", "rory"), Said(1, "McAllister said", "rory", "McAllister"),
))

BROTHER_BY_THE_SECOND_GIVEN_NAME = Story("a man with two given names and his brother", (
    "Jose Luis Varela was sentenced to six years on Friday for fraud at his Corvel bakery.",
    "His brother testified for the defence. Luis Varela, 40, told the court the books were "
    "sound.",
    "Varela's lawyer said he would appeal.",
), (
    Said(0, "Jose Luis Varela", "jose"), Said(1, "Luis Varela", "luis"),
))

FATHER_BY_THE_SON_S_MIDDLE_NAME = Story("a son whose middle name is his father's name", (
    "Kyle Thomas Dunmore scored twice as the Pellham Owls beat Ravensby 3-1 on Saturday.",
    "Thomas Dunmore, who coached the Owls for ten years, watched from the stand.",
    "Dunmore, 19, said after the game that the team had earned it.",
), (
    Said(0, "Kyle Thomas Dunmore", "kyle"), Said(1, "Thomas Dunmore", "thomas"),
))

DAUGHTER_BY_THE_MOTHER_S_SECOND_NAME = Story("a mother with two given names and her daughter", (
    "Mary Ann Smith, 58, was killed when her car left the road near Dunmere on Sunday.",
    "Her daughter was driving behind her. Ann Smith told the inquest the road had not been "
    "gritted.",
    "Smith's family said they would sue the county.",
), (
    Said(0, "Mary Ann Smith", "mother"), Said(1, "Ann Smith", "daughter"),
))

FATHER_BY_ONE_BARREL = Story("a double-barrelled son and his father by one barrel", (
    "Dane Garcia-Lopez, 33, was charged with assault in Marlow on Friday.",
    "His father posted bail on Saturday. Mr Lopez told reporters his son was innocent.",
    "Garcia-Lopez's lawyer said he would plead not guilty.",
), (
    Said(0, "Dane Garcia-Lopez", "dane"), Said(1, "Mr Lopez", "father", "Lopez"),
))

FATHER_BY_SURNAME_AND_AGE = Story("a son named in full, his father by surname and age", (
    "Dane Brand, 33, was charged with assault in Marlow on Friday.",
    "The court heard from his father on Monday. Brand, 61, said the family was shocked.",
    "A retired roofer spoke for his son. Brand, 61, and his wife sat in the front row.",
), (
    Said(0, "Dane Brand", "dane"), Said(1, "Brand, 61", "father", "Brand"),
    Said(2, "Brand, 61", "father", "Brand"),
))

SON_IN_A_DASH_HEADLINE = Story("a son named only in a headline, his father in the text", (
    "Tamsford Crash - Rhys Austin Charged\n\nA Tamsford man was charged on Monday after a "
    "crash that killed a cyclist.",
    "Gareth Austin, 52, the driver's father, said his son was devastated. Austin said the "
    "family would not comment further.",
), (
    Said(0, "Rhys Austin", "rhys"), Said(1, "Gareth Austin", "gareth"),
))

DAUGHTER_IN_AN_AS_HEADLINE = Story("a coach named only in a headline, her mother in the text", (
    "Gulls Name Sara Kessel As Coach\n\nThe Brinmouth Gulls named a new coach on Monday.",
    "Lynn Kessel, 52, coached the Gulls in 2001. Kessel said she was proud of her daughter.",
), (
    Said(0, "Sara Kessel", "sara"), Said(1, "Lynn Kessel", "lynn"),
))

FATHER_WHO_POSTED_BAIL = Story("a bare surname after the sentence introducing an unnamed father", (
    "Tom Brand, 19, was charged with burglary in Ostley on Monday.",
    "Tom Brand appeared in court on Tuesday. His father posted bail. Mr Brand told reporters "
    "his son was innocent.",
), (
    Said(0, "Tom Brand", "tom"), Said(1, "Tom Brand", "tom"),
    Said(1, "Mr Brand told", "father", "Brand"),
))

GRANDSON_BY_THE_NICKNAME = Story("a grandson named by his grandfather's nickname", (
    'Robert "Bobby" Crane, 70, won the Fenwick marathon for veterans on Saturday.',
    "His grandson Bobby Crane ran beside him for the last mile.",
), (
    Said(0, 'Robert "Bobby" Crane', "robert"), Said(1, "Bobby Crane", "bobby"),
))

COMPANY_NAMED_LIKE_A_SURNAME = Story("a company whose name is a surname's possessive", (
    "Ewan McDonald, 44, was named head of the Dunmore food bank on Monday.",
    "McDonald's said it would donate meals to the Dunmore food bank. McDonald said he was "
    "grateful.",
), (
    Said(0, "Ewan McDonald", "ewan"), Said(1, "McDonald's said", "company", "McDonald"),
    Said(1, "McDonald said", "ewan", "McDonald"),
))

CITY_NAMED_LIKE_A_SURNAME = Story("a city that is a person's surname, after 'in'", (
    "Tom Paris, the Orlen mayor, met officials in Paris on Monday.",
    "Paris was sunny for the talks, which Tom Paris called useful.",
), (
    Said(0, "Tom Paris", "tom"), Said(0, "in Paris", "city", "Paris"),
    Said(1, "Tom Paris", "tom"),
))

FATHER_THE_TAGGER_CUT = Story("a father whose given name the tagger cut off, beside his son", (
    "Fishermen Ewan MacAllister and his son Rory MacAllister were rescued near Dornvale.",
    "The rescuers found Ewan MacAllister clinging to the hull.",
    "Rory MacAllister was flown to hospital.",
), (
    Said(0, "Ewan MacAllister", "ewan"), Said(0, "Rory MacAllister", "rory"),
    Said(1, "Ewan MacAllister", "ewan"), Said(2, "Rory MacAllister", "rory"),
))

CITY_BEFORE_A_TITLE = Story("a city named like a surname before an office's title", (
    "Tom Paris, 41, an Orlen trader, was arrested on Monday. Paris Mayor Anne Vidal said "
    "the city would help.",
), (
    Said(0, "Tom Paris", "tom"), Said(0, "Paris Mayor", "city", "Paris"),
    Said(0, "Anne Vidal", "anne"),
))

COMPANY_IN_A_HEADLINE = Story("a company named like a surname in a headline", (
    "McDonald's To Close Dunmore Branch\n\nThe chain said 40 jobs would go.",
    "Ewan McDonald, 44, a Dunmore councillor, said the closure was a blow.",
), (
    Said(0, "McDonald's To", "company", "McDonald"), Said(1, "Ewan McDonald", "ewan"),
))

FATHER_BY_A_KIN_APPOSITION = Story("a bare surname in apposition to the teenager's father", (
    "Tom Brand, 17, was charged with arson after a fire at the Kestrel Quay boathouse on "
    "Monday.",
    "Tom Brand appeared in court on Tuesday. His father, Gareth Brand, posted bail.",
    "Brand, the teenager's father, said on Wednesday the family would appeal.",
), (
    Said(0, "Tom Brand", "tom"), Said(1, "Tom Brand", "tom"), Said(1, "Gareth Brand", "father"),
    Said(2, "Brand, the", "father", "Brand"),
))

UNNAMED_FATHER_BY_A_KIN_APPOSITION = Story("the teenager's father, never named in full", (
    "Tom Brand, 17, was charged with arson after a fire at the Kestrel Quay boathouse on "
    "Monday.",
    "Brand, the teenager's father, said on Wednesday the family would appeal.",
), (
    Said(0, "Tom Brand", "tom"), Said(1, "Brand, the", "father", "Brand"),
))

NAMED_FATHER_SPEAKS_OF_HIS_SON = Story("a bare surname after the sentence naming the father", (
    "Tom Brand, 17, was charged with arson after a fire at the Kestrel Quay boathouse on "
    "Monday.",
    "Tom Brand appeared in court on Tuesday. His father, Gareth Brand, posted bail. Brand "
    "told reporters his son was innocent.",
), (
    Said(0, "Tom Brand", "tom"), Said(1, "Tom Brand", "tom"), Said(1, "Gareth Brand", "father"),
    Said(1, "Brand told", "father", "Brand"),
))

SISTER_SPEAKS_OF_HER_SISTER = Story("a winner speaking of the sister the sentence before named", (
    "Lotte Quarry, 26, won the Hesketh Moor fell race on Sunday. Her sister, Ines Quarry, "
    "finished third. Quarry said her sister had pushed her all the way.",
    "Lotte Quarry will run for Hesketh at the national championships in June.",
), (
    Said(0, "Lotte Quarry", "lotte"), Said(1, "Lotte Quarry", "lotte"),
    Said(0, "Ines Quarry", "ines"), Said(0, "Quarry said", "lotte", "Quarry"),
))

FATHER_OF_AN_UNNAMED_TEENAGER = Story("a father described as 'the father of a teenager'", (
    "Tom Brand, 17, was charged with arson in Fennick on Tuesday.",
    "A Fennick man spoke out on Wednesday. Brand, the father of a teenager charged over the "
    "barn fire, said his son was innocent.",
    "Tom Brand appeared in court on Friday. Brand did not speak.",
), (
    Said(0, "Tom Brand", "tom"), Said(2, "Tom Brand", "tom"), Said(2, "Brand did", "tom", "Brand"),
    Said(1, "Brand, the father", "father", "Brand"),
))

STORIES = [MOTHER_AND_SON, BARE_SURNAMES_OF_TWO, TWO_MINISTERS_KHAN, TWO_TEENAGERS,
           TWO_TRANSPORT_MINISTERS, PLACE_AND_CLUB, ONE_HOME_TOWN, TWO_NAMED_TEENAGERS,
           HEADLINE_NOUN_AND_VICTIM, LAWYER_FOR_THE_ACCUSED, FATHER_AND_SON, BROTHERS,
           SPOUSES, NAMESAKES, BARE_SURNAME_OF_TWO_HERE, MOTHER_SPEAKS_FOR_SON,
           VICTIMS_SPOKESMAN, HEADLINE_LAWYER, SON_OF_THE_ACCUSED, INTRODUCED_LATER,
           WIDOW_AND_VICTIM, VICTIM_AND_DRIVER, TWO_DEATHS, CLIENTS_SURNAME_BEFORE_A_NOUN,
           TWO_BEARERS_OF_A_PLACE_NAME, TWO_PLAYERS_ONE_SURNAME, CAPTAIN_AND_COACH,
           TWO_NAMED_TO_TWO_JOBS, ACCUSER_AND_ARRESTED, OUT_AS_ANOTHER_NAMED,
           REPLACED_AS_COACH, ACCUSING_FATHER, TOWN_THAT_SPEAKS,
           FIRM_NAMED_AFTER_A_MAN,
           FATHER_AND_SON_TWO_GIVEN_NAMES, TWO_GARCIAS, NICKNAMED_NAMESAKES,
           DASH_HEADLINE_TWO_VENNS, BARREL_AND_A_NAMESAKE, TWO_MIDDLE_INITIALS,
           MAC_AND_MC, BARREL_OF_A_FIRM, JOB_SURNAMES,
           BARREL_OF_A_FOUNDER, BROTHER_BY_THE_SECOND_GIVEN_NAME,
           FATHER_BY_THE_SON_S_MIDDLE_NAME, DAUGHTER_BY_THE_MOTHER_S_SECOND_NAME,
           FATHER_BY_ONE_BARREL, FATHER_BY_SURNAME_AND_AGE, SON_IN_A_DASH_HEADLINE,
           DAUGHTER_IN_AN_AS_HEADLINE, FATHER_WHO_POSTED_BAIL, GRANDSON_BY_THE_NICKNAME,
           COMPANY_NAMED_LIKE_A_SURNAME, CITY_NAMED_LIKE_A_SURNAME,
           FATHER_THE_TAGGER_CUT, CITY_BEFORE_A_TITLE,
           COMPANY_IN_A_HEADLINE, FATHER_BY_A_KIN_APPOSITION,
           UNNAMED_FATHER_BY_A_KIN_APPOSITION, NAMED_FATHER_SPEAKS_OF_HIS_SON,
           SISTER_SPEAKS_OF_HER_SISTER,
           FATHER_OF_AN_UNNAMED_TEENAGER]


def story_entities(analyse: Any, story: Story) -> Any:
    """The story's articles analysed one by one, their mentions linked together."""
    mentions = [m for number, text in enumerate(story.texts)
                for m in analyse(text, id=f"a{number}").mentions]
    return link_entities(mentions, {f"a{n}": text for n, text in enumerate(story.texts)})


def entities_said(index: Any, story: Story) -> dict[Said, str | None]:
    """The entity each listed phrase finds (None: no entity)."""
    found: dict[Said, str | None] = {}
    for said in story.said:
        text = story.texts[said.article]
        start = text.index(said.phrase) + said.phrase.index(said.part or said.phrase)
        found[said] = index.entity_at(f"a{said.article}", start,
                                      start + len(said.part or said.phrase))
    return found


def false_merges(story: Story, found: dict[Said, str | None]) -> list[tuple[str, str]]:
    """Pairs of phrases of different people that one entity holds."""
    return [(a.phrase, b.phrase) for a in story.said for b in story.said
            if a.person < b.person and found[a] is not None and found[a] == found[b]]


@pytest.mark.parametrize("story", STORIES, ids=[s.name for s in STORIES])
def test_no_entity_holds_two_people(analyse: Any, story: Story) -> None:
    found = entities_said(story_entities(analyse, story), story)
    assert false_merges(story, found) == []


def test_the_stress_check_sees_a_merge() -> None:
    """The check itself: two people's phrases in one entity are a false merge."""
    story = Story("check", ("Ann Poe met Eve Roe.",),
                  (Said(0, "Ann Poe", "ann"), Said(0, "Eve Roe", "eve")))
    assert false_merges(story, {story.said[0]: "p1", story.said[1]: "p1"}) == \
        [("Ann Poe", "Eve Roe")]
    assert false_merges(story, {story.said[0]: "p1", story.said[1]: None}) == []
