import type { LegalDocuments } from './types';

export const legalFr: LegalDocuments = {
  terms: {
    title: 'Conditions générales d’utilisation',
    description: 'Règles d’utilisation de la plateforme Souk par les visiteurs, marchands, influenceurs et acheteurs.',
    sections: [
      {
        heading: '1. Objet',
        paragraphs: [
          'Les présentes conditions régissent l’accès et l’utilisation de la plateforme Souk, éditée par Souk SARL, qui met en relation des marchands publiant des produits et des offres, des influenceurs qui les recommandent au moyen de liens suivis, et des acheteurs.',
          'Utiliser la plateforme vaut acceptation des présentes conditions. Si vous ne les acceptez pas, n’utilisez pas Souk.',
        ],
      },
      {
        heading: '2. Comptes',
        paragraphs: [
          'La création d’un compte est réservée aux personnes majeures ou aux entreprises régulièrement immatriculées. Vous vous engagez à fournir des informations exactes et à les tenir à jour, et vous êtes responsable de la confidentialité de votre mot de passe et de vos clés d’API.',
          'Souk peut suspendre un compte en cas de fraude, de fausse déclaration, d’atteinte aux droits de tiers ou de manquement grave aux présentes conditions, après en avoir informé le titulaire sauf urgence.',
        ],
      },
      {
        heading: '3. Obligations des marchands',
        paragraphs: [
          'Le marchand est seul responsable de ses offres : description exacte, prix d’origine réel, disponibilité, respect des conditions annoncées et des règles de protection du consommateur (loi 31-08). Les offres trompeuses sont retirées.',
        ],
      },
      {
        heading: '4. Obligations des influenceurs',
        paragraphs: [
          'L’influenceur signale clairement à son audience le caractère commercial de ses publications (mention « partenariat » ou « lien affilié »). Il s’interdit la génération artificielle de clics ou d’achats ; toute commission obtenue ainsi est annulée.',
        ],
      },
      {
        heading: '5. Contenus',
        paragraphs: [
          'Chaque utilisateur garantit disposer des droits sur les textes et images qu’il publie et concède à Souk une licence non exclusive de les afficher sur la plateforme et dans sa communication, pour la durée de leur publication.',
        ],
      },
      {
        heading: '6. Responsabilité et disponibilité',
        paragraphs: [
          'Souk met en œuvre les moyens raisonnables pour assurer l’accès continu au service, sans garantie d’absence d’interruption. Souk intervient comme intermédiaire technique et n’est pas partie aux ventes conclues entre marchands et acheteurs.',
        ],
      },
      {
        heading: '7. Droit applicable',
        paragraphs: [
          'Les présentes conditions sont soumises au droit marocain. À défaut d’accord amiable, tout litige relève des tribunaux compétents de Casablanca, sous réserve des règles impératives protégeant le consommateur.',
        ],
      },
    ],
  },
  'sales-conditions': {
    title: 'Conditions générales de vente',
    description: 'Conditions applicables aux achats d’offres et aux abonnements marchands sur Souk.',
    sections: [
      {
        heading: '1. Champ d’application',
        paragraphs: [
          'Ces conditions s’appliquent aux achats d’offres (bons d’achat) réalisés par les acheteurs sur Souk, et aux abonnements souscrits par les marchands. Elles complètent les conditions propres à chaque offre (validité, lieux, restrictions), affichées sur la page de l’offre.',
        ],
      },
      {
        heading: '2. Prix et paiement',
        paragraphs: [
          'Les prix sont indiqués en dirhams marocains (MAD), toutes taxes comprises pour les acheteurs. Le paiement s’effectue par carte bancaire marocaine via le CMI ou par carte internationale via Stripe ; les données de carte ne transitent jamais par les serveurs de Souk.',
          'La commande est ferme dès la confirmation du paiement par la banque.',
        ],
      },
      {
        heading: '3. Bon d’achat',
        paragraphs: [
          'Le bon d’achat est envoyé par e-mail et disponible dans l’espace de l’acheteur dès le paiement confirmé. Il s’utilise auprès du marchand dans les conditions et la durée de validité indiquées sur l’offre.',
        ],
      },
      {
        heading: '4. Droit de rétractation et remboursement',
        paragraphs: [
          'Conformément à la loi 31-08 relative à la protection du consommateur, l’acheteur dispose d’un délai de sept jours à compter de l’achat pour se rétracter, tant que le bon n’a pas été utilisé. Le remboursement intervient sur le moyen de paiement d’origine dans un délai de quinze jours.',
          'Un bon non utilisé dont le marchand ne peut plus honorer l’offre est remboursé intégralement.',
        ],
      },
      {
        heading: '5. Abonnements marchands',
        paragraphs: [
          'Les offres payantes (Starter, Pro, Entreprise) sont facturées mensuellement, après une période d’essai gratuite de 14 jours. Le marchand peut changer d’offre ou résilier à tout moment ; la résiliation prend effet à la fin de la période en cours. La commission de plateforme prévue par l’offre est prélevée sur chaque vente.',
        ],
      },
      {
        heading: '6. Réclamations',
        paragraphs: [
          'Toute réclamation peut être adressée via la page de contact (sujet « Support »). Souk accuse réception sous un jour ouvré et s’efforce de trouver une solution amiable avec le marchand concerné.',
        ],
      },
    ],
  },
  privacy: {
    title: 'Politique de confidentialité',
    description:
      'Comment Souk traite vos données personnelles conformément à la loi 09-08 et sous le contrôle de la CNDP : finalités, durées, droits et sous-traitants.',
    sections: [
      {
        heading: '1. Responsable du traitement',
        paragraphs: [
          'Le responsable du traitement est Souk SARL, 12 boulevard d’Anfa, 20000 Casablanca. Les traitements de données à caractère personnel mis en œuvre par Souk ont fait l’objet d’une déclaration auprès de la Commission nationale de contrôle de la protection des données à caractère personnel (CNDP), conformément à la loi n° 09-08 du 18 février 2009.',
        ],
      },
      {
        heading: '2. Données collectées et finalités',
        paragraphs: [
          'Compte : nom, adresse e-mail, type de compte, langue — pour fournir le service. Achats : coordonnées, historique des commandes — pour exécuter les ventes et émettre les bons. Influenceurs : RIB et pièces d’identité — pour verser les commissions et respecter nos obligations de vigilance. Clics sur les liens suivis : date, pays, type d’appareil — pour attribuer les ventes. Contact et lettre d’information : nom, e-mail, message — pour vous répondre et, avec votre consentement confirmé, vous écrire.',
        ],
      },
      {
        heading: '3. Durées de conservation',
        paragraphs: [
          'Les données de compte sont conservées tant que le compte est actif, puis trois ans. Les pièces comptables et factures sont conservées dix ans, comme l’exige le Code de commerce. Les messages de contact sont conservés deux ans. Les données de clics sont agrégées après treize mois. L’inscription à la lettre est conservée jusqu’à la désinscription.',
        ],
      },
      {
        heading: '4. Vos droits',
        paragraphs: [
          'Conformément aux articles 7, 8 et 9 de la loi 09-08, vous disposez d’un droit d’accès, de rectification et d’opposition, pour des motifs légitimes, au traitement de vos données, ainsi que du droit de vous opposer sans frais à la prospection. Pour les exercer, écrivez-nous depuis la page de contact (sujet « Support ») ; nous répondons dans un délai de trente jours.',
          'Vous pouvez également introduire une réclamation auprès de la CNDP (www.cndp.ma).',
        ],
      },
      {
        heading: '5. Sous-traitants et transferts',
        paragraphs: [
          'Souk fait appel à des prestataires qui traitent des données pour son compte : hébergement, envoi d’e-mails, paiement (Centre monétique interbancaire, Stripe). Ils sont tenus par contrat à la confidentialité et à la sécurité. Lorsqu’un prestataire est établi hors du Maroc, le transfert est réalisé dans les conditions prévues par la loi 09-08 et autorisé par la CNDP lorsque c’est requis.',
        ],
      },
      {
        heading: '6. Sécurité et cookies',
        paragraphs: [
          'Mots de passe chiffrés, double authentification, journal d’audit et chiffrement des échanges protègent vos données. Souk n’utilise que des cookies nécessaires au fonctionnement (session, langue) ; aucun cookie publicitaire tiers n’est déposé.',
        ],
      },
    ],
  },
  notice: {
    title: 'Mentions légales',
    description: 'Éditeur, hébergement et contact de la plateforme Souk.',
    sections: [
      {
        heading: 'Éditeur',
        paragraphs: [
          'Souk SARL, société à responsabilité limitée au capital de 100 000 MAD, 12 boulevard d’Anfa, 20000 Casablanca, Maroc. Immatriculée au registre du commerce de Casablanca ; identifiant commun de l’entreprise (ICE) communiqué sur demande.',
          'Directeur de la publication : le gérant de Souk SARL.',
        ],
      },
      {
        heading: 'Contact',
        paragraphs: ['Par la page de contact du site, ou par e-mail à l’adresse du support indiquée sur cette page.'],
      },
      {
        heading: 'Hébergement',
        paragraphs: [
          'La plateforme est hébergée sur des serveurs situés au Maroc et dans l’Union européenne, exploités par des prestataires liés à Souk par contrat.',
        ],
      },
      {
        heading: 'Propriété intellectuelle',
        paragraphs: [
          'La marque Souk, le logo et l’interface sont protégés. Les contenus publiés par les marchands et influenceurs restent leur propriété.',
        ],
      },
      {
        heading: 'Données personnelles',
        paragraphs: [
          'Les traitements de données sont déclarés à la CNDP. Voir la politique de confidentialité pour le détail et l’exercice de vos droits.',
        ],
      },
    ],
  },
};
