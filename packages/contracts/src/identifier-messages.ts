import type { Locale } from './locales.ts';
import type { IdentifierProblem } from './moroccan-identifiers.ts';

/** What is wrong with an identifier, said so a person can fix it; the web and the API share it. */
export const identifierProblemMessages: Record<Locale, Record<IdentifierProblem, string>> = {
  fr: {
    required: 'Ce champ est obligatoire.',
    ice_format: "L'ICE compte exactement 15 chiffres.",
    ice_checksum:
      "Cet ICE n'est pas valide : les deux derniers chiffres (clé) ne correspondent pas. Vérifiez chaque chiffre.",
    rib_format: 'Le RIB compte exactement 24 chiffres (banque, ville, compte, clé).',
    rib_key: 'La clé RIB (les deux derniers chiffres) ne correspond pas au numéro : vérifiez chaque chiffre.',
    iban_format: 'Un IBAN marocain commence par MA suivi de 26 chiffres.',
    iban_checksum: "Les chiffres de contrôle de l'IBAN (après MA) ne correspondent pas : vérifiez la saisie.",
    iban_rib_key: "L'IBAN est cohérent mais la clé du RIB qu'il contient est fausse : vérifiez le numéro de compte.",
    cin_format: 'Le numéro de CIN comporte une ou deux lettres suivies de chiffres (ex. : BK123456).',
    phone_invalid: "Ce numéro de téléphone n'est pas valide (ex. : 06 12 34 56 78).",
    phone_not_moroccan: 'Indiquez un numéro marocain (+212).',
    rc_format: 'Le numéro de RC ne contient que des chiffres (8 au plus).',
    if_format: "L'identifiant fiscal compte 7 ou 8 chiffres.",
    birth_date: 'Indiquez une date de naissance valide (AAAA-MM-JJ) : il faut avoir au moins 18 ans.',
    too_long: 'Ce texte est trop long (200 caractères au plus).',
  },
  en: {
    required: 'This field is required.',
    ice_format: 'An ICE has exactly 15 digits.',
    ice_checksum: 'This ICE is not valid: the last two digits (check digits) do not match. Check each digit.',
    rib_format: 'A RIB has exactly 24 digits (bank, city, account, key).',
    rib_key: 'The RIB key (the last two digits) does not match the number: check each digit.',
    iban_format: 'A Moroccan IBAN starts with MA followed by 26 digits.',
    iban_checksum: 'The IBAN check digits (after MA) do not match: check what you typed.',
    iban_rib_key: 'The IBAN adds up but the RIB key inside it is wrong: check the account number.',
    cin_format: 'A CIN number is one or two letters followed by digits (e.g. BK123456).',
    phone_invalid: 'This phone number is not valid (e.g. 06 12 34 56 78).',
    phone_not_moroccan: 'Enter a Moroccan number (+212).',
    rc_format: 'An RC number contains digits only (8 at most).',
    if_format: 'A tax identifier (IF) has 7 or 8 digits.',
    birth_date: 'Enter a valid date of birth (YYYY-MM-DD): you must be at least 18.',
    too_long: 'This text is too long (200 characters at most).',
  },
  ar: {
    required: 'هذا الحقل إلزامي.',
    ice_format: 'يتكون رقم ICE من 15 رقمًا بالضبط.',
    ice_checksum: 'رقم ICE هذا غير صالح: الرقمان الأخيران (مفتاح التحقق) غير متطابقين. تحقق من كل رقم.',
    rib_format: 'يتكون RIB من 24 رقمًا بالضبط (البنك، المدينة، الحساب، المفتاح).',
    rib_key: 'مفتاح RIB (الرقمان الأخيران) لا يطابق الرقم: تحقق من كل رقم.',
    iban_format: 'يبدأ IBAN المغربي بـ MA متبوعًا بـ 26 رقمًا.',
    iban_checksum: 'أرقام التحقق في IBAN (بعد MA) غير متطابقة: تحقق مما كتبته.',
    iban_rib_key: 'رقم IBAN متسق لكن مفتاح RIB بداخله خاطئ: تحقق من رقم الحساب.',
    cin_format: 'يتكون رقم البطاقة الوطنية من حرف أو حرفين متبوعين بأرقام (مثال: BK123456).',
    phone_invalid: 'رقم الهاتف هذا غير صالح (مثال: 06 12 34 56 78).',
    phone_not_moroccan: 'أدخل رقمًا مغربيًا (+212).',
    rc_format: 'رقم السجل التجاري يتكون من أرقام فقط (8 على الأكثر).',
    if_format: 'يتكون المعرف الضريبي من 7 أو 8 أرقام.',
    birth_date: 'أدخل تاريخ ميلاد صالحًا (YYYY-MM-DD): يجب أن يكون عمرك 18 سنة على الأقل.',
    too_long: 'هذا النص طويل جدًا (200 حرف على الأكثر).',
  },
};

/** Why an uploaded document was refused. */
export type DocumentProblem = 'file_type' | 'file_mismatch' | 'file_too_large' | 'file_unsafe' | 'file_unreadable';

export const documentProblemMessages: Record<Locale, Record<DocumentProblem, string>> = {
  fr: {
    file_type: 'Seuls les fichiers JPEG, PNG et PDF sont acceptés.',
    file_mismatch: "Le contenu du fichier ne correspond pas à son extension : envoyez le document d'origine.",
    file_too_large: 'Le fichier dépasse 10 Mo.',
    file_unsafe: 'Ce PDF contient du code (JavaScript ou actions automatiques) : envoyez un PDF simple ou une photo.',
    file_unreadable: 'Ce fichier est illisible ou endommagé.',
  },
  en: {
    file_type: 'Only JPEG, PNG and PDF files are accepted.',
    file_mismatch: "The file's content does not match its extension: send the original document.",
    file_too_large: 'The file is larger than 10 MB.',
    file_unsafe: 'This PDF contains code (JavaScript or automatic actions): send a plain PDF or a photo.',
    file_unreadable: 'This file is unreadable or damaged.',
  },
  ar: {
    file_type: 'لا تُقبل إلا ملفات JPEG وPNG وPDF.',
    file_mismatch: 'محتوى الملف لا يطابق امتداده: أرسل المستند الأصلي.',
    file_too_large: 'حجم الملف يتجاوز 10 ميغابايت.',
    file_unsafe: 'يحتوي ملف PDF هذا على شيفرة (JavaScript أو إجراءات تلقائية): أرسل ملف PDF بسيطًا أو صورة.',
    file_unreadable: 'هذا الملف غير قابل للقراءة أو تالف.',
  },
};
