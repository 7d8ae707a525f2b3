/** Common Algerian names, each in Arabic script and in its usual Latin (French) spelling. */
export type Name = readonly [ar: string, lat: string];

export const MALE_GIVEN: readonly Name[] = [
  ['محمد', 'Mohamed'], ['أحمد', 'Ahmed'], ['عبد القادر', 'Abdelkader'], ['يوسف', 'Youcef'],
  ['علي', 'Ali'], ['عمر', 'Omar'], ['كريم', 'Karim'], ['سمير', 'Samir'], ['رشيد', 'Rachid'],
  ['مصطفى', 'Mustapha'], ['إبراهيم', 'Brahim'], ['خالد', 'Khaled'], ['نور الدين', 'Noureddine'],
  ['عبد الرحمن', 'Abderrahmane'], ['جمال', 'Djamel'], ['مراد', 'Mourad'], ['فريد', 'Farid'],
  ['سليم', 'Salim'], ['حسين', 'Hocine'], ['عبد الله', 'Abdallah'], ['بلال', 'Bilal'],
  ['أمين', 'Amine'], ['رياض', 'Riad'], ['وليد', 'Walid'], ['هشام', 'Hichem'], ['طارق', 'Tarek'],
  ['سفيان', 'Sofiane'], ['إسماعيل', 'Smail'], ['عادل', 'Adel'], ['نبيل', 'Nabil'],
  ['زكرياء', 'Zakaria'], ['أنس', 'Anes'], ['آدم', 'Adam'], ['إلياس', 'Ilyes'], ['أيوب', 'Ayoub'],
  ['مالك', 'Malek'], ['ماسينيسا', 'Massinissa'], ['أكسل', 'Aksel'], ['يانيس', 'Yanis'],
  ['الطاهر', 'Tahar'],
];

export const FEMALE_GIVEN: readonly Name[] = [
  ['فاطمة', 'Fatima'], ['خديجة', 'Khadidja'], ['عائشة', 'Aicha'], ['مريم', 'Meriem'],
  ['أمينة', 'Amina'], ['نادية', 'Nadia'], ['سعاد', 'Souad'], ['ليلى', 'Leila'], ['زهرة', 'Zohra'],
  ['حورية', 'Houria'], ['سميرة', 'Samira'], ['كريمة', 'Karima'], ['نسيمة', 'Nassima'],
  ['وهيبة', 'Wahiba'], ['فتيحة', 'Fatiha'], ['جميلة', 'Djamila'], ['صليحة', 'Saliha'],
  ['ياسمين', 'Yasmine'], ['سارة', 'Sarah'], ['إيمان', 'Imane'], ['أسماء', 'Asma'], ['هدى', 'Houda'],
  ['رانيا', 'Rania'], ['لينة', 'Lina'], ['ملاك', 'Malak'], ['نور', 'Nour'], ['آية', 'Aya'],
  ['شيماء', 'Chaima'], ['دنيا', 'Dounia'], ['سلمى', 'Selma'], ['كنزة', 'Kenza'], ['هاجر', 'Hadjer'],
  ['تينهينان', 'Tinhinane'], ['ثيزيري', 'Thiziri'], ['دهية', 'Dihia'], ['وردة', 'Warda'],
  ['ربيعة', 'Rabia'], ['يمينة', 'Yamina'], ['زينب', 'Zineb'], ['رقية', 'Roukia'],
];

export const FAMILY: readonly Name[] = [
  ['بن علي', 'Benali'], ['بلقاسم', 'Belkacem'], ['بوزيد', 'Bouzid'], ['حداد', 'Haddad'],
  ['مسعودي', 'Messaoudi'], ['بن عمر', 'Benamar'], ['سعيدي', 'Saidi'], ['مرابط', 'Merabet'],
  ['عمراني', 'Amrani'], ['بوعزيز', 'Bouaziz'], ['زروقي', 'Zerrouki'], ['شريف', 'Cherif'],
  ['بن يوسف', 'Benyoucef'], ['قاسمي', 'Kacemi'], ['بوضياف', 'Boudiaf'], ['مزيان', 'Meziane'],
  ['حمداني', 'Hamdani'], ['بلعيد', 'Belaid'], ['رحماني', 'Rahmani'], ['عيساوي', 'Aissaoui'],
  ['بن شيخ', 'Bencheikh'], ['خليفي', 'Khelifi'], ['بوشامة', 'Bouchama'], ['لعربي', 'Larbi'],
  ['منصوري', 'Mansouri'], ['طالبي', 'Talbi'], ['قادري', 'Kaddour'], ['بن سالم', 'Bensalem'],
  ['يحياوي', 'Yahiaoui'], ['بوخاري', 'Boukhari'], ['عثماني', 'Athmani'], ['بن عيسى', 'Benaissa'],
  ['ساحلي', 'Sahli'], ['جبار', 'Djebbar'], ['بوقرة', 'Bougherra'], ['إيدير', 'Idir'],
  ['آيت أحمد', 'Ait Ahmed'], ['آيت علي', 'Ait Ali'], ['أوصديق', 'Ousseddik'], ['عمروش', 'Amrouche'],
  ['ملوك', 'Mellouk'], ['بركاني', 'Berkani'], ['تواتي', 'Touati'], ['بن دحمان', 'Bendahmane'],
  ['قرفي', 'Guerfi'], ['بلحاج', 'Belhadj'], ['حمادي', 'Hammadi'], ['زيتوني', 'Zitouni'],
  ['بن حمو', 'Benhamou'], ['شايب', 'Chaib'],
];
