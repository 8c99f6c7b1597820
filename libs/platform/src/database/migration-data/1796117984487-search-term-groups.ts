/**
 * Words the english stemmer cannot join, as the migration of the same number
 * inserted them into `search_term` (a snapshot: change the table with a new
 * migration, not by editing this list). Each group is searched as one word:
 * irregular plurals, and States with their demonyms and regions with their
 * adjectives, so "Venezuela" finds "Venezuelan migrants". Multi-word names are
 * joined on the word that differs (Sri Lanka / Sri Lankan → lanka, lankan).
 */
export const SEARCH_TERM_GROUPS: string[][] = [
  ['child', 'children'], ['woman', 'women'], ['man', 'men'], ['person', 'persons', 'people'], ['crisis', 'crises'],
  ['analysis', 'analyses'], ['criterion', 'criteria'], ['wife', 'wives'],
  ['Afghanistan', 'Afghan'], ['Albania', 'Albanian'], ['Algeria', 'Algerian'], ['Angola', 'Angolan'],
  ['Argentina', 'Argentine', 'Argentinian'], ['Armenia', 'Armenian'], ['Australia', 'Australian'], ['Austria', 'Austrian'],
  ['Azerbaijan', 'Azerbaijani'], ['Bangladesh', 'Bangladeshi'], ['Belarus', 'Belarusian'], ['Belgium', 'Belgian'],
  ['Benin', 'Beninese'], ['Bolivia', 'Bolivian'], ['Bosnia', 'Bosnian'], ['Botswana', 'Motswana', 'Batswana'],
  ['Brazil', 'Brazilian'], ['Bulgaria', 'Bulgarian'], ['Burkina', 'Burkinabe'], ['Burundi', 'Burundian'],
  ['Cambodia', 'Cambodian'], ['Cameroon', 'Cameroonian'], ['Canada', 'Canadian'], ['Chad', 'Chadian'], ['Chile', 'Chilean'],
  ['China', 'Chinese'], ['Colombia', 'Colombian'], ['Congo', 'Congolese'], ['Rica', 'Rican'], ['Croatia', 'Croatian'],
  ['Cuba', 'Cuban'], ['Cyprus', 'Cypriot'], ['Czechia', 'Czech'], ['Denmark', 'Danish', 'Dane'], ['Djibouti', 'Djiboutian'],
  ['Ecuador', 'Ecuadorian', 'Ecuadorean'], ['Egypt', 'Egyptian'], ['Salvador', 'Salvadoran', 'Salvadorean'],
  ['Eritrea', 'Eritrean'], ['Estonia', 'Estonian'], ['Ethiopia', 'Ethiopian'], ['Fiji', 'Fijian'],
  ['Finland', 'Finnish', 'Finn'], ['France', 'French'], ['Gambia', 'Gambian'], ['Georgia', 'Georgian'],
  ['Germany', 'German'], ['Ghana', 'Ghanaian'], ['Greece', 'Greek'], ['Guatemala', 'Guatemalan'], ['Guinea', 'Guinean'],
  ['Haiti', 'Haitian'], ['Honduras', 'Honduran'], ['Hungary', 'Hungarian'], ['India', 'Indian'],
  ['Indonesia', 'Indonesian'], ['Iran', 'Iranian'], ['Iraq', 'Iraqi'], ['Ireland', 'Irish'], ['Israel', 'Israeli'],
  ['Italy', 'Italian'], ['Jamaica', 'Jamaican'], ['Japan', 'Japanese'], ['Jordan', 'Jordanian'],
  ['Kazakhstan', 'Kazakh', 'Kazakhstani'], ['Kenya', 'Kenyan'], ['Korea', 'Korean'], ['Kuwait', 'Kuwaiti'],
  ['Kyrgyzstan', 'Kyrgyz'], ['Laos', 'Lao', 'Laotian'], ['Latvia', 'Latvian'], ['Lebanon', 'Lebanese'],
  ['Leone', 'Leonean'], ['Lesotho', 'Basotho', 'Mosotho'], ['Liberia', 'Liberian'], ['Libya', 'Libyan'],
  ['Lithuania', 'Lithuanian'], ['Madagascar', 'Malagasy'], ['Malawi', 'Malawian'], ['Malaysia', 'Malaysian'],
  ['Mali', 'Malian'], ['Malta', 'Maltese'], ['Mauritania', 'Mauritanian'], ['Mauritius', 'Mauritian'],
  ['Mexico', 'Mexican'], ['Moldova', 'Moldovan'], ['Mongolia', 'Mongolian'], ['Montenegro', 'Montenegrin'],
  ['Morocco', 'Moroccan'], ['Mozambique', 'Mozambican'], ['Myanmar', 'Burmese'], ['Namibia', 'Namibian'],
  ['Nepal', 'Nepali', 'Nepalese'], ['Netherlands', 'Dutch'], ['Nicaragua', 'Nicaraguan'], ['Niger', 'Nigerien'],
  ['Nigeria', 'Nigerian'], ['Norway', 'Norwegian'], ['Oman', 'Omani'], ['Pakistan', 'Pakistani'],
  ['Palestine', 'Palestinian'], ['Panama', 'Panamanian'], ['Paraguay', 'Paraguayan'], ['Peru', 'Peruvian'],
  ['Philippines', 'Filipino', 'Filipina'], ['Poland', 'Polish'], ['Portugal', 'Portuguese'], ['Qatar', 'Qatari'],
  ['Romania', 'Romanian'], ['Russia', 'Russian'], ['Rwanda', 'Rwandan'], ['Senegal', 'Senegalese'], ['Serbia', 'Serbian'],
  ['Singapore', 'Singaporean'], ['Slovakia', 'Slovak'], ['Slovenia', 'Slovenian', 'Slovene'], ['Somalia', 'Somali'],
  ['Spain', 'Spanish', 'Spaniard'], ['Lanka', 'Lankan'], ['Sudan', 'Sudanese'], ['Sweden', 'Swedish', 'Swede'],
  ['Switzerland', 'Swiss'], ['Syria', 'Syrian'], ['Tajikistan', 'Tajik'], ['Tanzania', 'Tanzanian'],
  ['Thailand', 'Thai'], ['Togo', 'Togolese'], ['Tunisia', 'Tunisian'], ['Türkiye', 'Turkey', 'Turkish'],
  ['Turkmenistan', 'Turkmen'], ['Uganda', 'Ugandan'], ['Ukraine', 'Ukrainian'], ['Uruguay', 'Uruguayan'],
  ['Uzbekistan', 'Uzbek'], ['Venezuela', 'Venezuelan'], ['Vietnam', 'Vietnamese'], ['Yemen', 'Yemeni'],
  ['Zambia', 'Zambian'], ['Zimbabwe', 'Zimbabwean'], ['Ivoire', 'Ivorian'], ['Emirates', 'Emirati'], ['Bahrain', 'Bahraini'],
  ['Eswatini', 'Swaziland', 'Swazi'], ['Gabon', 'Gabonese'], ['Comoros', 'Comorian'], ['Seychelles', 'Seychellois'],
  ['Bhutan', 'Bhutanese'], ['Maldives', 'Maldivian'], ['Tonga', 'Tongan'], ['Samoa', 'Samoan'],
  ['Papua', 'Papuan'], ['Guyana', 'Guyanese'], ['Suriname', 'Surinamese'], ['Belize', 'Belizean'], ['Bahamas', 'Bahamian'],
  ['Barbados', 'Barbadian'], ['Trinidad', 'Trinidadian'], ['Grenada', 'Grenadian'], ['Verde', 'Verdean'],
  ['Luxembourg', 'Luxembourgish'], ['Macedonia', 'Macedonian'], ['Andorra', 'Andorran'], ['Monaco', 'Monegasque'],
  ['Marino', 'Sammarinese'], ['Timor', 'Timorese'],
  ['Africa', 'African'], ['America', 'American'], ['Asia', 'Asian'], ['Europe', 'European'], ['Britain', 'British'],
  ['Arabia', 'Arab', 'Arabian'], ['Oceania', 'Oceanian'], ['Sahel', 'Sahelian'],
];
