<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>ClassShare</name>
    <message>
        <source>Classroom Kit</source>
        <translation>Trousse de classe</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Search the kit</source>
        <translation>Chercher dans la trousse</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Choose kind, audience, language</source>
        <translation>Choisir le type, le public, la langue</translation>
    </message>
    <message>
        <source>Grades {low}–{high}</source>
        <translation>{low}e à {high}e année</translation>
    </message>
    <message>
        <source>{n} resource</source>
        <translation>{n} ressource</translation>
    </message>
    <message>
        <source>{n} resources</source>
        <translation>{n} ressources</translation>
    </message>
    <message>
        <source>No resources match.</source>
        <translation>Aucune ressource ne correspond.</translation>
    </message>
    <message>
        <source>Did you mean</source>
        <translation>Vouliez-vous dire</translation>
    </message>
    <message>
        <source>{shown} of {total} results</source>
        <translation>{shown} résultats sur {total}</translation>
    </message>
    <message>
        <source>No matches. Try fewer or different words.</source>
        <translation>Aucun résultat. Essayez d&apos;autres mots.</translation>
    </message>
    <message>
        <source>Print-friendly page</source>
        <translation>Version à imprimer</translation>
    </message>
    <message>
        <source>Back to the library</source>
        <translation>Retour à la bibliothèque</translation>
    </message>
    <message>
        <source>On this page</source>
        <translation>Sur cette page</translation>
    </message>
    <message>
        <source>Related</source>
        <translation>Voir aussi</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Main content</source>
        <translation>Contenu principal</translation>
    </message>
    <message>
        <source>Skip to the content</source>
        <translation>Aller au contenu</translation>
    </message>
    <message>
        <source>Page not found</source>
        <translation>Page introuvable</translation>
    </message>
    <message>
        <source>There is nothing at this address. It may have been typed wrongly.</source>
        <translation>Il n&apos;y a rien à cette adresse. Elle a peut-être été mal tapée.</translation>
    </message>
    <message>
        <source>This address cannot be read</source>
        <translation>Cette adresse ne peut pas être lue</translation>
    </message>
    <message>
        <source>Part of this address could not be understood.</source>
        <translation>Une partie de cette adresse n&apos;a pas pu être comprise.</translation>
    </message>
    <message>
        <source>This address is too long</source>
        <translation>Cette adresse est trop longue</translation>
    </message>
    <message>
        <source>Addresses here are short. Go back to the library and try again.</source>
        <translation>Les adresses ici sont courtes. Revenez à la bibliothèque et réessayez.</translation>
    </message>
    <message>
        <source>This page can only be read</source>
        <translation>Cette page est en lecture seule</translation>
    </message>
    <message>
        <source>The shared kit is read-only: nothing can be sent to it.</source>
        <translation>La trousse partagée est en lecture seule&#xa0;: rien ne peut lui être envoyé.</translation>
    </message>
    <message>
        <source>This page needs the class code</source>
        <translation>Cette page demande le code de la classe</translation>
    </message>
    <message>
        <source>This address does not have your class&apos;s code. Scan the QR code your teacher shows, or type the whole address under it, code included.</source>
        <translation>Cette adresse ne contient pas le code de votre classe. Scannez le code QR que montre votre enseignant, ou tapez toute l&apos;adresse écrite dessous, code compris.</translation>
    </message>
    <message>
        <source>Too many pages at once</source>
        <translation>Trop de pages à la fois</translation>
    </message>
    <message>
        <source>This device asked for a lot of pages in a few seconds. Wait a moment, then try again.</source>
        <translation>Cet appareil a demandé beaucoup de pages en quelques secondes. Attendez un instant, puis réessayez.</translation>
    </message>
    <message>
        <source>Content note</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Student edition, shared from the teacher&apos;s computer. Works without internet.</source>
        <translation>Édition élève, partagée depuis l&apos;ordinateur de l&apos;enseignant. Fonctionne sans internet.</translation>
    </message>
    <message>
        <source>Use your browser&apos;s Print command to print this page or save it as a PDF.</source>
        <translation>Utilisez la commande Imprimer du navigateur pour imprimer cette page ou l&apos;enregistrer en PDF.</translation>
    </message>
</context>
<context>
    <name>ClassShareButton</name>
    <message>
        <source>Search</source>
        <translation>Chercher</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>usage: </source>
        <translation>utilisation&#xa0;: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>arguments positionnels</translation>
    </message>
    <message>
        <source>options</source>
        <translation>options</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>afficher cette aide et quitter</translation>
    </message>
    <message>
        <source>unrecognized arguments: {arguments}</source>
        <translation>arguments non reconnus&#xa0;: {arguments}</translation>
    </message>
    <message>
        <source>{prog}: error: {message} (see &apos;{help} --help&apos;)</source>
        <translation>{prog}&#xa0;: erreur&#xa0;: {message} (voir «&#xa0;{help} --help&#xa0;»)</translation>
    </message>
    <message>
        <source>Classroom Kit: search, read, present and print a teaching kit, offline.</source>
        <translation>Trousse de classe&#xa0;: chercher, lire, présenter et imprimer une trousse pédagogique, hors ligne.</translation>
    </message>
    <message>
        <source>With no command, kit opens the app.</source>
        <translation>Sans commande, kit ouvre l&apos;application.</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>afficher la version et quitter</translation>
    </message>
    <message>
        <source>read packs from DIR instead of the bundled kit (repeatable; also KIT_RESOURCES)</source>
        <translation>lire les paquets dans DIR plutôt que la trousse incluse (répétable; aussi KIT_RESOURCES)</translation>
    </message>
    <message>
        <source>keep the teacher&apos;s data in DIR (also KIT_DATA_DIR)</source>
        <translation>garder les données de l&apos;enseignant dans DIR (aussi KIT_DATA_DIR)</translation>
    </message>
    <message>
        <source>check this install works, offscreen, and exit (= kit smoke-test)</source>
        <translation>vérifier que cette installation fonctionne, sans écran, puis quitter (= kit smoke-test)</translation>
    </message>
    <message>
        <source>add your own files (Markdown, Word, PowerPoint, PDF...) to the kit</source>
        <translation>ajouter vos propres fichiers (Markdown, Word, PowerPoint, PDF…) à la trousse</translation>
    </message>
    <message>
        <source>files or folders (.md, .txt, .docx, .pptx, .odt, .odp, .pdf, .html)</source>
        <translation>fichiers ou dossiers (.md, .txt, .docx, .pptx, .odt, .odp, .pdf, .html)</translation>
    </message>
    <message>
        <source>import the kept original of your resource ID again (after editing it); with one FILE, import that edited version instead</source>
        <translation>importer de nouveau l&apos;original conservé de votre ressource ID (après l&apos;avoir modifié); avec un FICHIER, importer plutôt cette version modifiée</translation>
    </message>
    <message>
        <source>--update takes one resource id and at most one FILE</source>
        <translation>--update prend un identifiant de ressource et au plus un FICHIER</translation>
    </message>
    <message>
        <source>give files or folders to add, or --update ID</source>
        <translation>donnez des fichiers ou des dossiers à ajouter, ou --update ID</translation>
    </message>
    <message>
        <source>Added &apos;{id}&apos; ({path})</source>
        <translation>«&#xa0;{id}&#xa0;» ajoutée ({path})</translation>
    </message>
    <message>
        <source>note: {warning}</source>
        <translation>note&#xa0;: {warning}</translation>
    </message>
    <message>
        <source>not added: {problem}</source>
        <translation>non ajouté&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Updated &apos;{id}&apos; from its original ({path})</source>
        <translation>«&#xa0;{id}&#xa0;» mise à jour à partir de son original ({path})</translation>
    </message>
    <message>
        <source>no resources found; give --resources DIR or set KIT_RESOURCES</source>
        <translation>aucune ressource trouvée; donnez --resources DIR ou définissez KIT_RESOURCES</translation>
    </message>
    <message>
        <source>warning: {problem}</source>
        <translation>avertissement&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>no resource with id &apos;{id}&apos; {hint}</source>
        <translation>aucune ressource avec l&apos;identifiant «&#xa0;{id}&#xa0;» {hint}</translation>
    </message>
    <message>
        <source>— did you mean &apos;{id}&apos;?</source>
        <translation>— vouliez-vous dire «&#xa0;{id}&#xa0;»?</translation>
    </message>
    <message>
        <source>(see &apos;kit list&apos;)</source>
        <translation>(voir «&#xa0;kit list&#xa0;»)</translation>
    </message>
    <message>
        <source>print resources to a PDF (several ids make a class packet)</source>
        <translation>imprimer des ressources dans un PDF (plusieurs identifiants font un cahier de la classe)</translation>
    </message>
    <message>
        <source>Print one resource, or a class packet of several (cover, contents, each from a new page), to a PDF file. Needs no display.</source>
        <translation>Imprimer une ressource, ou un cahier de la classe de plusieurs (couverture, table des matières, chacune sur une nouvelle page), dans un fichier PDF. Aucun écran n&apos;est nécessaire.</translation>
    </message>
    <message>
        <source>resource ids, in packet order (see &apos;kit list&apos;)</source>
        <translation>identifiants des ressources, dans l&apos;ordre du cahier (voir «&#xa0;kit list&#xa0;»)</translation>
    </message>
    <message>
        <source>the PDF to write</source>
        <translation>le PDF à écrire</translation>
    </message>
    <message>
        <source>teacher adds facilitator notes</source>
        <translation>teacher ajoute les notes d&apos;animation</translation>
    </message>
    <message>
        <source>default: from the locale (Letter in the US/Canada)</source>
        <translation>par défaut&#xa0;: selon les paramètres régionaux (Lettre aux États-Unis et au Canada)</translation>
    </message>
    <message>
        <source>packet cover (several ids)</source>
        <translation>couverture du cahier (plusieurs identifiants)</translation>
    </message>
    <message>
        <source>cover title (default: &quot;Class packet&quot; in the packet&apos;s language)</source>
        <translation>titre de la couverture (par défaut&#xa0;: «&#xa0;Cahier de la classe&#xa0;» dans la langue du cahier)</translation>
    </message>
    <message>
        <source>the class, e.g. &apos;10B&apos;</source>
        <translation>le groupe, p. ex. «&#xa0;402&#xa0;»</translation>
    </message>
    <message>
        <source>date on the cover (default: today)</source>
        <translation>date sur la couverture (par défaut&#xa0;: aujourd&apos;hui)</translation>
    </message>
    <message>
        <source>teacher&apos;s name (default: a line to write on)</source>
        <translation>nom de l&apos;enseignant (par défaut&#xa0;: une ligne pour écrire)</translation>
    </message>
    <message>
        <source>adding .pdf: writing {path}</source>
        <translation>ajout de .pdf&#xa0;: écriture de {path}</translation>
    </message>
    <message>
        <source>wrote {path} ({count} page, {size} KB)</source>
        <translation>{path} écrit ({count} page, {size} Ko)</translation>
    </message>
    <message>
        <source>wrote {path} ({count} pages, {size} KB)</source>
        <translation>{path} écrit ({count} pages, {size} Ko)</translation>
    </message>
    <message>
        <source>open the app (the default)</source>
        <translation>ouvrir l&apos;application (par défaut)</translation>
    </message>
    <message>
        <source>the open kit did not take the request ({reply})</source>
        <translation>la trousse ouverte n&apos;a pas accepté la demande ({reply})</translation>
    </message>
    <message>
        <source>Classroom Kit is already open with this data folder: asked it to import {name}.</source>
        <translation>La Trousse de classe est déjà ouverte avec ce dossier de données&#xa0;: elle importera {name}.</translation>
    </message>
    <message>
        <source>Classroom Kit is already open with this data folder: brought it to the front.</source>
        <translation>La Trousse de classe est déjà ouverte avec ce dossier de données&#xa0;: sa fenêtre passe au premier plan.</translation>
    </message>
    <message>
        <source>build or update the search index; prints counts and time</source>
        <translation>construire ou mettre à jour l&apos;index de recherche; affiche les nombres et la durée</translation>
    </message>
    <message>
        <source>throw the index away and build it again</source>
        <translation>jeter l&apos;index et le reconstruire</translation>
    </message>
    <message>
        <source>kept in memory only</source>
        <translation>gardé en mémoire seulement</translation>
    </message>
    <message>
        <source>Search index built: {count} resources indexed in {seconds} s ({where})</source>
        <translation>Index de recherche construit&#xa0;: {count} ressources indexées en {seconds} s ({where})</translation>
    </message>
    <message>
        <source>Search index {count} resources: {added} added, {changed} changed, {removed} removed in {seconds} s ({where})</source>
        <translation>Index de recherche, {count} ressources&#xa0;: {added} ajoutées, {changed} modifiées, {removed} retirées en {seconds} s ({where})</translation>
    </message>
    <message>
        <source>list the resources</source>
        <translation>énumérer les ressources</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>afficher du JSON</translation>
    </message>
    <message>
        <source>No resources match.</source>
        <translation>Aucune ressource ne correspond.</translation>
    </message>
    <message>
        <source>export, import or remove .kitpack files</source>
        <translation>exporter, importer ou retirer des fichiers .kitpack</translation>
    </message>
    <message>
        <source>write resources, whole packs or a lesson to a .kitpack file</source>
        <translation>écrire des ressources, des paquets entiers ou une leçon dans un fichier .kitpack</translation>
    </message>
    <message>
        <source>resource ids or pack ids (see &apos;kit list&apos;)</source>
        <translation>identifiants de ressources ou de paquets (voir «&#xa0;kit list&#xa0;»)</translation>
    </message>
    <message>
        <source>also export lesson N and its resources</source>
        <translation>exporter aussi la leçon N et ses ressources</translation>
    </message>
    <message>
        <source>id of the new pack (default: from the title or the date)</source>
        <translation>identifiant du nouveau paquet (par défaut&#xa0;: selon le titre ou la date)</translation>
    </message>
    <message>
        <source>title of the new pack</source>
        <translation>titre du nouveau paquet</translation>
    </message>
    <message>
        <source>install a .kitpack file (checked whole before anything is written)</source>
        <translation>installer un fichier .kitpack (vérifié au complet avant que quoi que ce soit soit écrit)</translation>
    </message>
    <message>
        <source>replace an installed pack with the same id</source>
        <translation>remplacer un paquet installé qui a le même identifiant</translation>
    </message>
    <message>
        <source>keep an installed pack with the same id too</source>
        <translation>garder aussi un paquet installé qui a le même identifiant</translation>
    </message>
    <message>
        <source>remove an imported pack</source>
        <translation>retirer un paquet importé</translation>
    </message>
    <message>
        <source>list imported packs and your own pack</source>
        <translation>énumérer les paquets importés et votre propre paquet</translation>
    </message>
    <message>
        <source>no lesson {number}</source>
        <translation>aucune leçon {number}</translation>
    </message>
    <message>
        <source>{path}: the file name should end with .kitpack</source>
        <translation>{path}&#xa0;: le nom du fichier doit se terminer par .kitpack</translation>
    </message>
    <message>
        <source>Exported pack &apos;{pack}&apos;: {resources} resource(s), {files} file(s) to {path}</source>
        <translation>Paquet «&#xa0;{pack}&#xa0;» exporté&#xa0;: {resources} ressource(s), {files} fichier(s) dans {path}</translation>
    </message>
    <message>
        <source>--replace or --keep-both</source>
        <translation>--replace ou --keep-both</translation>
    </message>
    <message>
        <source>{file}: {problem} (use {options})</source>
        <translation>{file}&#xa0;: {problem} (utilisez {options})</translation>
    </message>
    <message>
        <source>{file} was not imported: {problem}</source>
        <translation>{file} n&apos;a pas été importé&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Replaced pack &apos;{pack}&apos; into {path}</source>
        <translation>Paquet «&#xa0;{pack}&#xa0;» remplacé dans {path}</translation>
    </message>
    <message>
        <source>Imported pack &apos;{pack}&apos; into {path}</source>
        <translation>Paquet «&#xa0;{pack}&#xa0;» importé dans {path}</translation>
    </message>
    <message>
        <source>the pack was imported but its lessons were not: {problem}</source>
        <translation>le paquet a été importé, mais pas ses leçons&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>; skipped {count} that could not be read</source>
        <translation>; {count} illisible(s) ignorée(s)</translation>
    </message>
    <message>
        <source>Added {count} lesson(s)</source>
        <translation>{count} leçon(s) ajoutée(s)</translation>
    </message>
    <message>
        <source>Removed pack &apos;{pack}&apos;</source>
        <translation>Paquet «&#xa0;{pack}&#xa0;» retiré</translation>
    </message>
    <message>
        <source>No imported packs.</source>
        <translation>Aucun paquet importé.</translation>
    </message>
    <message>
        <source>open the app presenting a resource</source>
        <translation>ouvrir l&apos;application en présentant une ressource</translation>
    </message>
    <message>
        <source>Open the app and present a resource as slides: the audience view goes full screen on the second screen when there is one, the presenter view (notes, next slide, timer) on this one.</source>
        <translation>Ouvrir l&apos;application et présenter une ressource en diapositives&#xa0;: la vue de la salle s&apos;affiche en plein écran sur le second écran s&apos;il y en a un, la vue du présentateur (notes, diapositive suivante, chrono) sur celui-ci.</translation>
    </message>
    <message>
        <source>the resource id (see &apos;kit list&apos;)</source>
        <translation>l&apos;identifiant de la ressource (voir «&#xa0;kit list&#xa0;»)</translation>
    </message>
    <message>
        <source>start at slide N (default 1)</source>
        <translation>commencer à la diapositive N (par défaut 1)</translation>
    </message>
    <message>
        <source>--slide must be 1 or more, not {number}</source>
        <translation>--slide doit valoir 1 ou plus, pas {number}</translation>
    </message>
    <message>
        <source>render the main screens to PNG files (no display needed)</source>
        <translation>rendre les principaux écrans en fichiers PNG (aucun écran nécessaire)</translation>
    </message>
    <message>
        <source>folder for the PNG files (created if missing)</source>
        <translation>dossier des fichiers PNG (créé au besoin)</translation>
    </message>
    <message>
        <source>window size (default 1280x800)</source>
        <translation>taille de la fenêtre (par défaut 1280x800)</translation>
    </message>
    <message>
        <source>the interface&apos;s language (default en)</source>
        <translation>la langue de l&apos;interface (par défaut en)</translation>
    </message>
    <message>
        <source>search the kit (&apos;-&apos; reads one query per line from stdin)</source>
        <translation>chercher dans la trousse («&#xa0;-&#xa0;» lit une requête par ligne sur l&apos;entrée standard)</translation>
    </message>
    <message>
        <source>words to find, or &apos;-&apos; to read queries from stdin</source>
        <translation>mots à trouver, ou «&#xa0;-&#xa0;» pour lire les requêtes sur l&apos;entrée standard</translation>
    </message>
    <message>
        <source>at most N results (default 10)</source>
        <translation>au plus N résultats (par défaut 10)</translation>
    </message>
    <message>
        <source>not a number: {text}</source>
        <translation>n&apos;est pas un nombre&#xa0;: {text}</translation>
    </message>
    <message>
        <source>Indexing {done}/{total}</source>
        <translation>Indexation {done}/{total}</translation>
    </message>
    <message>
        <source>type something to search for</source>
        <translation>tapez quelque chose à chercher</translation>
    </message>
    <message>
        <source>Did you mean: {word}</source>
        <translation>Vouliez-vous dire&#xa0;: {word}</translation>
    </message>
    <message>
        <source>No matches.</source>
        <translation>Aucun résultat.</translation>
    </message>
    <message>
        <source>{shown} of {total} shown ({ms} ms)</source>
        <translation>{shown} sur {total} affichés ({ms} ms)</translation>
    </message>
    <message>
        <source>share the student edition with the class over the local network</source>
        <translation>partager l&apos;édition élève avec la classe sur le réseau local</translation>
    </message>
    <message>
        <source>Serve a read-only student edition of the kit (no teacher notes) so students can read, search and print it in a browser on the same network. Prints the address and a QR code. Stop with Ctrl+C.</source>
        <translation>Servir une édition élève de la trousse, en lecture seule (sans notes pour l&apos;enseignant), pour que les élèves puissent la lire, y chercher et l&apos;imprimer dans un navigateur sur le même réseau. Affiche l&apos;adresse et un code QR. Arrêtez avec Ctrl+C.</translation>
    </message>
    <message>
        <source>share only these resources (default: the whole kit)</source>
        <translation>partager seulement ces ressources (par défaut&#xa0;: toute la trousse)</translation>
    </message>
    <message>
        <source>share only the student resources of your lesson number N (as planned in the app&apos;s Lessons)</source>
        <translation>partager seulement les ressources pour les élèves de votre leçon numéro N (planifiée dans Leçons de l&apos;application)</translation>
    </message>
    <message>
        <source>port to listen on (default {port})</source>
        <translation>port d&apos;écoute (par défaut {port})</translation>
    </message>
    <message>
        <source>address to listen on (default: every network of this computer; 127.0.0.1 for this computer only)</source>
        <translation>adresse d&apos;écoute (par défaut&#xa0;: tous les réseaux de cet ordinateur; 127.0.0.1 pour cet ordinateur seulement)</translation>
    </message>
    <message>
        <source>do not draw the QR code</source>
        <translation>ne pas dessiner le code QR</translation>
    </message>
    <message>
        <source>serve at the top of the address, without a classroom code (a school server of its own)</source>
        <translation>servir à la racine de l&apos;adresse, sans code de classe (un serveur propre à l&apos;école)</translation>
    </message>
    <message>
        <source>none yet; plan one in the app</source>
        <translation>aucune pour l&apos;instant; planifiez-en une dans l&apos;application</translation>
    </message>
    <message>
        <source>there is no lesson {number}; your lessons: {known}</source>
        <translation>il n&apos;y a pas de leçon {number}; vos leçons&#xa0;: {known}</translation>
    </message>
    <message>
        <source>give either --lesson N or resource ids, not both</source>
        <translation>donnez --lesson N ou des identifiants de ressources, pas les deux</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; is not a student resource of this kit (see &apos;kit list&apos;; teacher notes and resources for educators are never shared)</source>
        <translation>«&#xa0;{id}&#xa0;» n&apos;est pas une ressource pour les élèves de cette trousse (voir «&#xa0;kit list&#xa0;»; les notes pour l&apos;enseignant et les ressources pour les enseignants ne sont jamais partagées)</translation>
    </message>
    <message>
        <source>there is nothing to share: lesson {number} has no student resources</source>
        <translation>il n&apos;y a rien à partager&#xa0;: la leçon {number} n&apos;a aucune ressource pour les élèves</translation>
    </message>
    <message>
        <source>there is nothing to share: the kit has no student resources</source>
        <translation>il n&apos;y a rien à partager&#xa0;: la trousse n&apos;a aucune ressource pour les élèves</translation>
    </message>
    <message>
        <source>cannot listen on {host} port {port}: {error}</source>
        <translation>impossible d&apos;écouter sur {host} port {port}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Sharing the student edition ({count} resource, no teacher notes). Students open:</source>
        <translation>Partage de l&apos;édition élève ({count} ressource, sans notes pour l&apos;enseignant). Les élèves ouvrent&#xa0;:</translation>
    </message>
    <message>
        <source>Sharing the student edition ({count} resources, no teacher notes). Students open:</source>
        <translation>Partage de l&apos;édition élève ({count} ressources, sans notes pour l&apos;enseignant). Les élèves ouvrent&#xa0;:</translation>
    </message>
    <message>
        <source>Press Ctrl+C to stop sharing.</source>
        <translation>Appuyez sur Ctrl+C pour arrêter le partage.</translation>
    </message>
    <message>
        <source>Stopped sharing.</source>
        <translation>Partage arrêté.</translation>
    </message>
    <message>
        <source>print one resource</source>
        <translation>afficher une ressource</translation>
    </message>
    <message>
        <source>check this install works (offscreen: content, Qt, fonts, page, search, PDF) and exit</source>
        <translation>vérifier que cette installation fonctionne (sans écran&#xa0;: contenu, Qt, polices, page, recherche, PDF) puis quitter</translation>
    </message>
    <message>
        <source>check packs; exit 0 when clean, else list every problem</source>
        <translation>vérifier des paquets; code 0 s&apos;ils sont sans problème, sinon énumérer chaque problème</translation>
    </message>
    <message>
        <source>pack folders or folders of packs (default: the kit&apos;s resources)</source>
        <translation>dossiers de paquets ou dossiers contenant des paquets (par défaut&#xa0;: les ressources de la trousse)</translation>
    </message>
    <message>
        <source>judge how old each figure&apos;s data is on this day, e.g. the first day of term (default: today)</source>
        <translation>juger l&apos;âge des données de chaque chiffre à cette date, p. ex. le premier jour de la session (par défaut&#xa0;: aujourd&apos;hui)</translation>
    </message>
    <message>
        <source>not a date like 2027-09-01: {text}</source>
        <translation>pas une date comme 2027-09-01&#xa0;: {text}</translation>
    </message>
    <message>
        <source>nothing to validate; give a pack folder</source>
        <translation>rien à valider; donnez un dossier de paquet</translation>
    </message>
</context>
<context>
    <name>Editions</name>
    <message>
        <source>Teacher only: {title}</source>
        <translation>Réservé au personnel enseignant&#xa0;: {title}</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notes</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <source>as of {year}</source>
        <translation>en date de {year}</translation>
    </message>
    <message>
        <source>Figures checked on {date}</source>
        <translation>Chiffres vérifiés le {date}</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Bundled teaching kit</source>
        <translation>Trousse pédagogique incluse</translation>
    </message>
    <message>
        <source>CC BY 4.0 (see each resource&apos;s sources)</source>
        <translation>CC BY 4.0 (voir les sources de chaque ressource)</translation>
    </message>
    <message>
        <source>tantivy (search)</source>
        <translation>tantivy (recherche)</translation>
    </message>
    <message>
        <source>nh3 / ammonia (HTML cleaning)</source>
        <translation>nh3 / ammonia (nettoyage du HTML)</translation>
    </message>
    <message>
        <source>MIT or Apache-2.0</source>
        <translation>MIT ou Apache-2.0</translation>
    </message>
    <message>
        <source>cheroot (classroom share)</source>
        <translation>cheroot (partage avec la classe)</translation>
    </message>
    <message>
        <source>segno (QR codes), ifaddr</source>
        <translation>segno (codes QR), ifaddr</translation>
    </message>
    <message>
        <source>pyspellchecker (word lists)</source>
        <translation>pyspellchecker (listes de mots)</translation>
    </message>
    <message>
        <source>mammoth, markdownify, Beautiful Soup (Word documents)</source>
        <translation>mammoth, markdownify, Beautiful Soup (documents Word)</translation>
    </message>
    <message>
        <source>python-pptx, lxml, Pillow (PowerPoint, pictures)</source>
        <translation>python-pptx, lxml, Pillow (PowerPoint, images)</translation>
    </message>
    <message>
        <source>odfdo (OpenDocument)</source>
        <translation>odfdo (OpenDocument)</translation>
    </message>
    <message>
        <source>pypdfium2 and PDFium (PDF)</source>
        <translation>pypdfium2 et PDFium (PDF)</translation>
    </message>
    <message>
        <source>Classroom Kit</source>
        <translation>Trousse de classe</translation>
    </message>
    <message>
        <source>An offline teaching kit: search, read, present and print classroom resources without internet. The app never connects to the network.</source>
        <translation>Une trousse pédagogique hors ligne&#xa0;: chercher, lire, présenter et imprimer des ressources pour la classe sans internet. L&apos;application ne se connecte jamais au réseau.</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Licences</translation>
    </message>
    <message>
        <source>About Classroom Kit</source>
        <translation>À propos de la Trousse de classe</translation>
    </message>
    <message>
        <source>Opening the kit…</source>
        <translation>Ouverture de la trousse…</translation>
    </message>
    <message>
        <source>Start here</source>
        <translation>Pour commencer</translation>
    </message>
    <message>
        <source>Welcome to Classroom Kit</source>
        <translation>Bienvenue dans la Trousse de classe</translation>
    </message>
    <message>
        <source>{count} resources to read, present and print — no internet needed. Pick one on the left, or search with Ctrl+K.</source>
        <translation>{count} ressources à lire, présenter et imprimer, sans internet. Choisissez-en une à gauche ou cherchez avec Ctrl+K.</translation>
    </message>
    <message>
        <source>Press F1 for the user guide.</source>
        <translation>Appuyez sur F1 pour ouvrir le guide d&apos;utilisation.</translation>
    </message>
</context>
<context>
    <name>IndexProgress</name>
    <message>
        <source>Search index</source>
        <translation>Index de recherche</translation>
    </message>
    <message>
        <source>Preparing search…</source>
        <translation>Préparation de la recherche…</translation>
    </message>
    <message>
        <source>Building the search index… {done} of {total}</source>
        <translation>Construction de l&apos;index de recherche… {done} sur {total}</translation>
    </message>
    <message>
        <source>Search is ready.</source>
        <translation>La recherche est prête.</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>The kit will be in English the next time it starts.</source>
        <translation>The kit will be in English the next time it starts.</translation>
    </message>
    <message>
        <source>The kit will be in French the next time it starts.</source>
        <translation>La trousse sera en français au prochain démarrage.</translation>
    </message>
    <message>
        <source>&amp;Restart Now</source>
        <translation>&amp;Redémarrer maintenant</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>Plus &amp;tard</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>Lesson</source>
        <translation>Leçon</translation>
    </message>
    <message>
        <source>Nothing to present: none of the lesson&apos;s resources is in the kit.</source>
        <translation>Rien à présenter&#xa0;: aucune des ressources de la leçon n&apos;est dans la trousse.</translation>
    </message>
    <message>
        <source>Nothing to print: none of the lesson&apos;s resources is in the kit.</source>
        <translation>Rien à imprimer&#xa0;: aucune des ressources de la leçon n&apos;est dans la trousse.</translation>
    </message>
    <message>
        <source>(missing pack: {id})</source>
        <translation>(paquet manquant&#xa0;: {id})</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Resources in this lesson</source>
        <translation>Ressources de cette leçon</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>{count} resource · {minutes} min in all</source>
        <translation>{count} ressource · {minutes} min en tout</translation>
    </message>
    <message>
        <source>{count} resources · {minutes} min in all</source>
        <translation>{count} ressources · {minutes} min en tout</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Leçons</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouvelle</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;upliquer</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Press New to start a lesson; then add resources from the list on the right.</source>
        <translation>Appuyez sur Nouvelle pour commencer une leçon, puis ajoutez des ressources à partir de la liste de droite.</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>&amp;Présenter</translation>
    </message>
    <message>
        <source>Print &amp;Packet</source>
        <translation>Imprimer le &amp;cahier</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <source>&amp;Class</source>
        <translation>&amp;Groupe</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistrée</translation>
    </message>
    <message>
        <source>New lesson</source>
        <translation>Nouvelle leçon</translation>
    </message>
    <message>
        <source>Untitled lesson</source>
        <translation>Leçon sans titre</translation>
    </message>
    <message>
        <source>Find a resource to add</source>
        <translation>Trouver une ressource à ajouter</translation>
    </message>
    <message>
        <source>Resources to add</source>
        <translation>Ressources à ajouter</translation>
    </message>
    <message>
        <source>&amp;Add to Lesson</source>
        <translation>&amp;Ajouter à la leçon</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>Paquet</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Handouts</source>
        <translation>Fiches</translation>
    </message>
    <message>
        <source>Discussion guides</source>
        <translation>Guides de discussion</translation>
    </message>
    <message>
        <source>Media guides</source>
        <translation>Guides médias</translation>
    </message>
    <message>
        <source>Teacher notes</source>
        <translation>Notes pour l&apos;enseignant</translation>
    </message>
    <message>
        <source>Browse by</source>
        <translation>Classer par</translation>
    </message>
    <message>
        <source>Loading the kit…</source>
        <translation>Chargement de la trousse…</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>{count} resource</source>
        <translation>{count} ressource</translation>
    </message>
    <message>
        <source>{count} resources</source>
        <translation>{count} ressources</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Classroom Kit</source>
        <translation>Trousse de classe</translation>
    </message>
    <message>
        <source>Classroom Kit (opening…)</source>
        <translation>Trousse de classe (ouverture…)</translation>
    </message>
    <message>
        <source>Opening the kit…</source>
        <translation>Ouverture de la trousse…</translation>
    </message>
    <message>
        <source> (and {count} more; &apos;kit validate&apos; lists them)</source>
        <translation> (et {count} autres; «&#xa0;kit validate&#xa0;» les énumère)</translation>
    </message>
    <message>
        <source>Not loaded: {file}: {problem}</source>
        <translation>Non chargé&#xa0;: {file}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>“{id}” is not in this kit; the page stays as it was.</source>
        <translation>«&#xa0;{id}&#xa0;» n&apos;est pas dans cette trousse; la page reste telle quelle.</translation>
    </message>
    <message>
        <source>Preparing the page…</source>
        <translation>Préparation de la page…</translation>
    </message>
    <message>
        <source>Text size {percent}</source>
        <translation>Taille du texte {percent}</translation>
    </message>
    <message>
        <source>Teacher edition: facilitator notes are shown.</source>
        <translation>Édition enseignant&#xa0;: les notes d&apos;animation sont affichées.</translation>
    </message>
    <message>
        <source>Student edition.</source>
        <translation>Édition élève.</translation>
    </message>
    <message>
        <source>The user guide is not installed.</source>
        <translation>Le guide d&apos;utilisation n&apos;est pas installé.</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Table des matières</translation>
    </message>
    <message>
        <source>This link does not go anywhere in the kit.</source>
        <translation>Ce lien ne mène nulle part dans la trousse.</translation>
    </message>
    <message>
        <source>Goes to a page that is not in this kit</source>
        <translation>Mène à une page qui n&apos;est pas dans cette trousse</translation>
    </message>
    <message>
        <source>Opens “{title}”</source>
        <translation>Ouvre «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>Goes to “{heading}” on this page</source>
        <translation>Mène à «&#xa0;{heading}&#xa0;» dans cette page</translation>
    </message>
    <message>
        <source>Goes to another part of this page</source>
        <translation>Mène à une autre partie de cette page</translation>
    </message>
    <message>
        <source>Outside the kit (shown, never opened): {address}</source>
        <translation>Hors de la trousse (affiché, jamais ouvert)&#xa0;: {address}</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>All&amp;er</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
    <message>
        <source>&amp;Find in page…</source>
        <translation>&amp;Rechercher dans la page…</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>Occurrence &amp;suivante</translation>
    </message>
    <message>
        <source>Find &amp;previous</source>
        <translation>Occurrence &amp;précédente</translation>
    </message>
    <message>
        <source>&amp;Search the kit</source>
        <translation>Chercher dans la tr&amp;ousse</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation>Taille &amp;normale</translation>
    </message>
    <message>
        <source>&amp;Teacher edition</source>
        <translation>Édition &amp;enseignant</translation>
    </message>
    <message>
        <source>Show facilitator notes (answers, timings, safety notes)</source>
        <translation>Afficher les notes d&apos;animation (réponses, durées, consignes de sécurité)</translation>
    </message>
    <message>
        <source>&amp;Contents panel</source>
        <translation>Table des &amp;matières</translation>
    </message>
    <message>
        <source>&amp;Library and search panel</source>
        <translation>Panneau &amp;bibliothèque et recherche</translation>
    </message>
    <message>
        <source>&amp;Focus on the page</source>
        <translation>Mode &amp;concentration</translation>
    </message>
    <message>
        <source>Hide the library, contents and note so the page fills the window (F9 again brings them back)</source>
        <translation>Masquer la bibliothèque, la table des matières et la note pour que la page occupe toute la fenêtre (F9 de nouveau pour les réafficher)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>&amp;Welcome page</source>
        <translation>Page d&apos;&amp;accueil</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guide d&apos;utilisation</translation>
    </message>
    <message>
        <source>&amp;About Classroom Kit</source>
        <translation>À &amp;propos de la Trousse de classe</translation>
    </message>
</context>
<context>
    <name>Model</name>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Handout</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Discussion guide</source>
        <translation>Guide de discussion</translation>
    </message>
    <message>
        <source>Media guide</source>
        <translation>Guide média</translation>
    </message>
    <message>
        <source>Teacher note</source>
        <translation>Note pour l&apos;enseignant</translation>
    </message>
    <message>
        <source>Grades 7–8</source>
        <translation>7e et 8e année</translation>
    </message>
    <message>
        <source>Grades 9–10</source>
        <translation>9e et 10e année</translation>
    </message>
    <message>
        <source>Grades 11–12</source>
        <translation>11e et 12e année</translation>
    </message>
    <message>
        <source>Educators</source>
        <translation>Enseignants</translation>
    </message>
    <message>
        <source>accessed {date}</source>
        <translation>consulté le {date}</translation>
    </message>
    <message>
        <source>checked in a copy; the publisher&apos;s own page was not available</source>
        <translation>vérifié dans une copie; la page de l&apos;éditeur n&apos;était pas disponible</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>Dismiss this notice</source>
        <translation>Fermer cet avis</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>Fermer l&apos;avis</translation>
    </message>
    <message>
        <source>Notice: {text}</source>
        <translation>Avis&#xa0;: {text}</translation>
    </message>
</context>
<context>
    <name>OwnEditor</name>
    <message>
        <source>Edit — {title}</source>
        <translation>Modifier — {title}</translation>
    </message>
    <message>
        <source>Resource file: front matter and Markdown</source>
        <translation>Fichier de la ressource&#xa0;: en-tête et Markdown</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Line {line}: {problem}</source>
        <translation>Ligne {line}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Non enregistré&#xa0;: {error}</translation>
    </message>
    <message>
        <source>line {line}: {problem}</source>
        <translation>ligne {line}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>the pack cannot be read</source>
        <translation>le paquet ne peut pas être lu</translation>
    </message>
    <message>
        <source>Not saved, the kit could not read it ({where})</source>
        <translation>Non enregistré, la trousse n&apos;a pas pu le lire ({where})</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
</context>
<context>
    <name>PackActions</name>
    <message>
        <source>Pack already here</source>
        <translation>Paquet déjà présent</translation>
    </message>
    <message>
        <source>Replace keeps the old copy until the new one is checked.</source>
        <translation>Remplacer garde l&apos;ancienne copie jusqu&apos;à ce que la nouvelle soit vérifiée.</translation>
    </message>
    <message>
        <source>A pack that is part of the kit cannot be replaced; you can keep both.</source>
        <translation>Un paquet qui fait partie de la trousse ne peut pas être remplacé; vous pouvez garder les deux.</translation>
    </message>
    <message>
        <source>Your own resources stay as they are; the pack&apos;s resources with the same ids are hidden.</source>
        <translation>Vos propres ressources restent telles quelles; les ressources du paquet qui ont les mêmes identifiants sont masquées.</translation>
    </message>
    <message>
        <source>Import Anyway</source>
        <translation>Importer quand même</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>Keep Both</source>
        <translation>Garder les deux</translation>
    </message>
    <message>
        <source>Markdown or text</source>
        <translation>Markdown ou texte</translation>
    </message>
    <message>
        <source>All material ({patterns})</source>
        <translation>Tout le matériel ({patterns})</translation>
    </message>
    <message>
        <source>Added {count} resource to My material</source>
        <translation>{count} ressource ajoutée à Mon matériel</translation>
    </message>
    <message>
        <source>Added {count} resources to My material</source>
        <translation>{count} ressources ajoutées à Mon matériel</translation>
    </message>
    <message>
        <source>Add Material</source>
        <translation>Ajouter du matériel</translation>
    </message>
    <message>
        <source>Who is your material for? The kit remembers your answer; Edit My Resource changes it for one.</source>
        <translation>À qui s&apos;adresse votre matériel? La trousse retient votre réponse; Modifier ma ressource la change pour une ressource.</translation>
    </message>
    <message>
        <source>Adding your material…</source>
        <translation>Ajout de votre matériel…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Nothing added</source>
        <translation>Rien n&apos;a été ajouté</translation>
    </message>
    <message>
        <source>Adding {name} ({number} of {total})…</source>
        <translation>Ajout de {name} ({number} sur {total})…</translation>
    </message>
    <message>
        <source>Stopped when you pressed Cancel; what was added before stays.</source>
        <translation>Arrêté quand vous avez appuyé sur Annuler; ce qui avait déjà été ajouté reste.</translation>
    </message>
    <message>
        <source>Simplified:</source>
        <translation>Simplifié&#xa0;:</translation>
    </message>
    <message>
        <source>Not added:</source>
        <translation>Non ajouté&#xa0;:</translation>
    </message>
    <message>
        <source>This resource was not imported from a document, so there is nothing to update from.</source>
        <translation>Cette ressource n&apos;a pas été importée d&apos;un document&#xa0;: il n&apos;y a rien à partir de quoi la mettre à jour.</translation>
    </message>
    <message>
        <source>Update from Original</source>
        <translation>Mettre à jour à partir de l&apos;original</translation>
    </message>
    <message>
        <source>Updating from {file}…</source>
        <translation>Mise à jour à partir de {file}…</translation>
    </message>
    <message>
        <source>Updated from {file}</source>
        <translation>Mis à jour à partir de {file}</translation>
    </message>
    <message>
        <source>Not updated</source>
        <translation>Non mis à jour</translation>
    </message>
    <message>
        <source>No copy made</source>
        <translation>Aucune copie faite</translation>
    </message>
    <message>
        <source>Copied into My material: edit the file to adapt it</source>
        <translation>Copié dans Mon matériel&#xa0;: modifiez le fichier pour l&apos;adapter</translation>
    </message>
    <message>
        <source>Import Pack</source>
        <translation>Importer un paquet</translation>
    </message>
    <message>
        <source>Kit packs (*.kitpack)</source>
        <translation>Paquets de la trousse (*.kitpack)</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>Vérification de {file}…</translation>
    </message>
    <message>
        <source>Pack not imported</source>
        <translation>Paquet non importé</translation>
    </message>
    <message>
        <source>{file} was not imported: {error}</source>
        <translation>{file} n&apos;a pas été importé&#xa0;: {error}</translation>
    </message>
    <message>
        <source>The pack&apos;s lessons were not added: {error}</source>
        <translation>Les leçons du paquet n&apos;ont pas été ajoutées&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Replaced pack &apos;{pack}&apos;</source>
        <translation>Paquet «&#xa0;{pack}&#xa0;» remplacé</translation>
    </message>
    <message>
        <source>Imported pack &apos;{pack}&apos;</source>
        <translation>Paquet «&#xa0;{pack}&#xa0;» importé</translation>
    </message>
    <message>
        <source>Some resources are hidden</source>
        <translation>Certaines ressources sont masquées</translation>
    </message>
    <message>
        <source>{count} resource shares an id with another pack; one of each is shown (your own material first, then imported packs in the order you imported them, then the kit):</source>
        <translation>{count} ressource a le même identifiant qu&apos;une ressource d&apos;un autre paquet; une seule de chaque est affichée (votre propre matériel d&apos;abord, puis les paquets importés dans l&apos;ordre de leur importation, puis la trousse)&#xa0;:</translation>
    </message>
    <message>
        <source>{count} resources share an id with another pack; one of each is shown (your own material first, then imported packs in the order you imported them, then the kit):</source>
        <translation>{count} ressources ont le même identifiant qu&apos;une ressource d&apos;un autre paquet; une seule de chaque est affichée (votre propre matériel d&apos;abord, puis les paquets importés dans l&apos;ordre de leur importation, puis la trousse)&#xa0;:</translation>
    </message>
    <message>
        <source>This resource: {title}</source>
        <translation>Cette ressource&#xa0;: {title}</translation>
    </message>
    <message>
        <source>My bookmarks ({count})</source>
        <translation>Mes signets ({count})</translation>
    </message>
    <message>
        <source>My material (my own pack)</source>
        <translation>Mon matériel (mon propre paquet)</translation>
    </message>
    <message>
        <source>Lesson: {title}</source>
        <translation>Leçon&#xa0;: {title}</translation>
    </message>
    <message>
        <source>Whole pack: {title}</source>
        <translation>Tout le paquet&#xa0;: {title}</translation>
    </message>
    <message>
        <source>Export Pack</source>
        <translation>Exporter un paquet</translation>
    </message>
    <message>
        <source>What to put in the pack:</source>
        <translation>Que mettre dans le paquet?</translation>
    </message>
    <message>
        <source>Pack not exported</source>
        <translation>Paquet non exporté</translation>
    </message>
    <message>
        <source>Exported {count} resource to {path}</source>
        <translation>{count} ressource exportée dans {path}</translation>
    </message>
    <message>
        <source>Exported {count} resources to {path}</source>
        <translation>{count} ressources exportées dans {path}</translation>
    </message>
    <message>
        <source>Remove Imported Pack</source>
        <translation>Retirer un paquet importé</translation>
    </message>
    <message>
        <source>No imported packs.</source>
        <translation>Aucun paquet importé.</translation>
    </message>
    <message>
        <source>Pack to remove:</source>
        <translation>Paquet à retirer&#xa0;:</translation>
    </message>
    <message>
        <source>Removed pack &apos;{pack}&apos;</source>
        <translation>Paquet «&#xa0;{pack}&#xa0;» retiré</translation>
    </message>
    <message>
        <source>Pack not removed</source>
        <translation>Paquet non retiré</translation>
    </message>
    <message>
        <source>Removing pack &apos;{pack}&apos;…</source>
        <translation>Retrait du paquet «&#xa0;{pack}&#xa0;»…</translation>
    </message>
</context>
<context>
    <name>PackJobs</name>
    <message>
        <source>adding your material</source>
        <translation>l&apos;ajout de votre matériel</translation>
    </message>
    <message>
        <source>importing a pack</source>
        <translation>l&apos;importation d&apos;un paquet</translation>
    </message>
    <message>
        <source>updating from the original</source>
        <translation>la mise à jour à partir de l&apos;original</translation>
    </message>
    <message>
        <source>making a copy</source>
        <translation>la copie</translation>
    </message>
    <message>
        <source>removing a pack</source>
        <translation>le retrait d&apos;un paquet</translation>
    </message>
    <message>
        <source>Still {job}: wait for it to finish.</source>
        <translation>Une opération est encore en cours ({job})&#xa0;: attendez qu&apos;elle se termine.</translation>
    </message>
</context>
<context>
    <name>PackWatcher</name>
    <message>
        <source>The library was updated: your packs changed on disk.</source>
        <translation>La bibliothèque a été mise à jour&#xa0;: vos paquets ont changé sur le disque.</translation>
    </message>
    <message>
        <source>Your packs changed on disk but could not be read again: {error}</source>
        <translation>Vos paquets ont changé sur le disque, mais n&apos;ont pas pu être relus&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>Packs</name>
    <message>
        <source>Shared from {pack}</source>
        <translation>Partagé depuis {pack}</translation>
    </message>
    <message>
        <source>Shared material</source>
        <translation>Matériel partagé</translation>
    </message>
    <message>
        <source>{count} resource shared with Classroom Kit on {date}.</source>
        <translation>{count} ressource partagée avec la Trousse de classe le {date}.</translation>
    </message>
    <message>
        <source>{count} resources shared with Classroom Kit on {date}.</source>
        <translation>{count} ressources partagées avec la Trousse de classe le {date}.</translation>
    </message>
</context>
<context>
    <name>PdfExport</name>
    <message>
        <source>the PDF could not be made: {problem}</source>
        <translation>le PDF n&apos;a pas pu être créé&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>it is only {count} bytes</source>
        <translation>il ne fait que {count} octets</translation>
    </message>
    <message>
        <source>it does not start with %PDF-</source>
        <translation>il ne commence pas par %PDF-</translation>
    </message>
    <message>
        <source>it has no %%EOF end marker (truncated)</source>
        <translation>il n&apos;a pas de marque de fin %%EOF (tronqué)</translation>
    </message>
    <message>
        <source>cannot save the PDF: &apos;{path}&apos; is a folder; give a file name such as &apos;{example}&apos;</source>
        <translation>impossible d&apos;enregistrer le PDF&#xa0;: «&#xa0;{path}&#xa0;» est un dossier; donnez un nom de fichier comme «&#xa0;{example}&#xa0;»</translation>
    </message>
    <message>
        <source>cannot save the PDF: &apos;{folder}&apos; is not a folder</source>
        <translation>impossible d&apos;enregistrer le PDF&#xa0;: «&#xa0;{folder}&#xa0;» n&apos;est pas un dossier</translation>
    </message>
    <message>
        <source>cannot save the PDF: not enough space on the disk for &apos;{path}&apos; (about {size} KB needed)</source>
        <translation>impossible d&apos;enregistrer le PDF&#xa0;: pas assez d&apos;espace sur le disque pour «&#xa0;{path}&#xa0;» (environ {size} Ko nécessaires)</translation>
    </message>
    <message>
        <source>cannot save the PDF: &apos;{path}&apos; is a folder</source>
        <translation>impossible d&apos;enregistrer le PDF&#xa0;: «&#xa0;{path}&#xa0;» est un dossier</translation>
    </message>
    <message>
        <source>cannot save the PDF to &apos;{path}&apos;: {error}</source>
        <translation>impossible d&apos;enregistrer le PDF dans «&#xa0;{path}&#xa0;»&#xa0;: {error}</translation>
    </message>
    <message>
        <source>cannot save the PDF: the folder &apos;{folder}&apos; does not exist</source>
        <translation>impossible d&apos;enregistrer le PDF&#xa0;: le dossier «&#xa0;{folder}&#xa0;» n&apos;existe pas</translation>
    </message>
    <message>
        <source>cannot save the PDF: the folder &apos;{folder}&apos; is read-only (no permission to write)</source>
        <translation>impossible d&apos;enregistrer le PDF&#xa0;: le dossier «&#xa0;{folder}&#xa0;» est en lecture seule (pas la permission d&apos;écrire)</translation>
    </message>
    <message>
        <source>the PDF could not be made: &apos;{id}&apos; is no longer in &apos;{folder}&apos;</source>
        <translation>le PDF n&apos;a pas pu être créé&#xa0;: «&#xa0;{id}&#xa0;» n&apos;est plus dans «&#xa0;{folder}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <source>{title} — audience view</source>
        <translation>{title} — vue de la salle</translation>
    </message>
    <message>
        <source>part {number} of {count}</source>
        <translation>partie {number} sur {count}</translation>
    </message>
    <message>
        <source>Part {number} of {count}: {title}</source>
        <translation>Partie {number} sur {count}&#xa0;: {title}</translation>
    </message>
    <message>
        <source>Go to slide {number}…</source>
        <translation>Aller à la diapositive {number}…</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>&amp;Présenter</translation>
    </message>
    <message>
        <source>Show this resource as slides on the projector, with notes on your screen</source>
        <translation>Présenter cette ressource en diapositives au projecteur, avec les notes sur votre écran</translation>
    </message>
    <message>
        <source>Present from &amp;current section</source>
        <translation>Présenter à partir de la &amp;section courante</translation>
    </message>
    <message>
        <source>{title} — presenter view</source>
        <translation>{title} — vue du présentateur</translation>
    </message>
    <message>
        <source>Black (B)</source>
        <translation>Noir (B)</translation>
    </message>
    <message>
        <source>White (W)</source>
        <translation>Blanc (W)</translation>
    </message>
    <message>
        <source>Reset timer</source>
        <translation>Remettre le chrono à zéro</translation>
    </message>
    <message>
        <source>Audience view (P)</source>
        <translation>Vue de la salle (P)</translation>
    </message>
    <message>
        <source>End (Esc)</source>
        <translation>Terminer (Échap)</translation>
    </message>
    <message>
        <source>Read aloud (R)</source>
        <translation>Lire à voix haute (R)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>À suivre</translation>
    </message>
    <message>
        <source>Slide {number}: {title}</source>
        <translation>Diapositive {number}&#xa0;: {title}</translation>
    </message>
    <message>
        <source>Now on the screen</source>
        <translation>À l&apos;écran maintenant</translation>
    </message>
    <message>
        <source>Notes for this slide</source>
        <translation>Notes pour cette diapositive</translation>
    </message>
    <message>
        <source>Slides: click one, or type its number and Enter</source>
        <translation>Diapositives&#xa0;: cliquez sur l&apos;une d&apos;elles ou tapez son numéro, puis Entrée</translation>
    </message>
    <message>
        <source>One screen: if the projector mirrors this screen, the room sees this view. Press P for the audience view.</source>
        <translation>Un seul écran&#xa0;: si le projecteur reproduit cet écran, la salle voit cette vue. Appuyez sur P pour la vue de la salle.</translation>
    </message>
    <message>
        <source>Planned: {minutes} min</source>
        <translation>Prévu&#xa0;: {minutes} min</translation>
    </message>
    <message>
        <source>Planned: —</source>
        <translation>Prévu&#xa0;: —</translation>
    </message>
    <message>
        <source>this part {minutes}</source>
        <translation>cette partie {minutes}</translation>
    </message>
    <message>
        <source>this slide {minutes}</source>
        <translation>cette diapo {minutes}</translation>
    </message>
    <message>
        <source>Next: end of the presentation</source>
        <translation>Ensuite&#xa0;: fin de la présentation</translation>
    </message>
    <message>
        <source>Next, slide {number} of {count}: {title}</source>
        <translation>Ensuite, diapositive {number} sur {count}&#xa0;: {title}</translation>
    </message>
    <message>
        <source> (starts {part})</source>
        <translation> (début de {part})</translation>
    </message>
    <message>
        <source>No notes for this slide.</source>
        <translation>Aucune note pour cette diapositive.</translation>
    </message>
    <message>
        <source>Slide {counter}</source>
        <translation>Diapo {counter}</translation>
    </message>
    <message>
        <source>The room sees a black screen</source>
        <translation>La salle voit un écran noir</translation>
    </message>
    <message>
        <source>The room sees a white screen</source>
        <translation>La salle voit un écran blanc</translation>
    </message>
    <message>
        <source>Elapsed {time}</source>
        <translation>Écoulé {time}</translation>
    </message>
</context>
<context>
    <name>Print</name>
    <message>
        <source>{count} minutes</source>
        <translation>{count} minutes</translation>
    </message>
    <message>
        <source>Student edition</source>
        <translation>Édition élève</translation>
    </message>
    <message>
        <source>Teacher edition</source>
        <translation>Édition enseignant</translation>
    </message>
    <message>
        <source>Content note: {note}</source>
        <translation>Avertissement&#xa0;: {note}</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>student copy</source>
        <translation>copie de l&apos;élève</translation>
    </message>
    <message>
        <source>teacher copy</source>
        <translation>copie de l&apos;enseignant</translation>
    </message>
    <message>
        <source>Class packet: {titles}</source>
        <translation>Cahier de la classe&#xa0;: {titles}</translation>
    </message>
    <message>
        <source>Class packet</source>
        <translation>Cahier de la classe</translation>
    </message>
    <message>
        <source>{count} resource</source>
        <translation>{count} ressource</translation>
    </message>
    <message>
        <source>{count} resources</source>
        <translation>{count} ressources</translation>
    </message>
    <message>
        <source>Source: {pack} ({kit})</source>
        <translation>Source&#xa0;: {pack} ({kit})</translation>
    </message>
    <message>
        <source>Source: {kit}</source>
        <translation>Source&#xa0;: {kit}</translation>
    </message>
    <message>
        <source>updated {date}</source>
        <translation>mis à jour le {date}</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Table des matières</translation>
    </message>
    <message>
        <source>Class: {value}</source>
        <translation>Groupe&#xa0;: {value}</translation>
    </message>
    <message>
        <source>Date: {value}</source>
        <translation>Date&#xa0;: {value}</translation>
    </message>
    <message>
        <source>Teacher: {value}</source>
        <translation>Enseignant ou enseignante&#xa0;: {value}</translation>
    </message>
    <message>
        <source>Classroom Kit</source>
        <translation>Trousse de classe</translation>
    </message>
    <message>
        <source>page {number} of {total}</source>
        <translation>page {number} sur {total}</translation>
    </message>
    <message>
        <source>Teacher copy — not for students</source>
        <translation>Copie de l&apos;enseignant — pas pour les élèves</translation>
    </message>
    <message>
        <source>✂ Cut along the dashed line</source>
        <translation>✂ Découper le long du pointillé</translation>
    </message>
    <message>
        <source>[picture not available]</source>
        <translation>[image non disponible]</translation>
    </message>
    <message>
        <source>To read this on a phone in this room while the class share is on, scan the code or type:</source>
        <translation>Pour lire ceci sur un téléphone dans la classe pendant le partage, balaie le code ou tape&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Letter</source>
        <translation>Lettre</translation>
    </message>
    <message>
        <source>Print {title}</source>
        <translation>Imprimer {title}</translation>
    </message>
    <message>
        <source>Edition</source>
        <translation>Édition</translation>
    </message>
    <message>
        <source>Print Preview: {title}</source>
        <translation>Aperçu avant impression&#xa0;: {title}</translation>
    </message>
    <message>
        <source>&amp;Print for:</source>
        <translation>&amp;Imprimer pour&#xa0;:</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Numéro de page</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>A PDF is already being made; wait for it or cancel it.</source>
        <translation>Un PDF est déjà en cours de création; attendez ou annulez.</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>Création du PDF…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The PDF could not be made (the export process stopped unexpectedly, code {code}).</source>
        <translation>Le PDF n&apos;a pas pu être créé (le processus d&apos;export s&apos;est arrêté de façon inattendue, code {code}).</translation>
    </message>
    <message>
        <source>The PDF could not be made ({error}).</source>
        <translation>Le PDF n&apos;a pas pu être créé ({error}).</translation>
    </message>
    <message>
        <source>Printing failed: {error}</source>
        <translation>L&apos;impression a échoué&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Student copy (no answers or teacher notes)</source>
        <translation>Copie de l&apos;élève (sans réponses ni notes pour l&apos;enseignant)</translation>
    </message>
    <message>
        <source>Teacher copy (with answers; marked on every page)</source>
        <translation>Copie de l&apos;enseignant (avec réponses; indiquée sur chaque page)</translation>
    </message>
    <message>
        <source>Edition to print</source>
        <translation>Édition à imprimer</translation>
    </message>
    <message>
        <source>Printed for a class? Keep the student copy. The teacher copy carries the answers.</source>
        <translation>Pour une classe? Gardez la copie de l&apos;élève. La copie de l&apos;enseignant contient les réponses.</translation>
    </message>
    <message>
        <source>Class Packet</source>
        <translation>Cahier de la classe</translation>
    </message>
    <message>
        <source>Filter resources</source>
        <translation>Filtrer les ressources</translation>
    </message>
    <message>
        <source>Class packet</source>
        <translation>Cahier de la classe</translation>
    </message>
    <message>
        <source>e.g. 10B</source>
        <translation>p. ex. 402</translation>
    </message>
    <message>
        <source>left blank: a line to write on</source>
        <translation>vide&#xa0;: une ligne pour écrire</translation>
    </message>
    <message>
        <source>Add →</source>
        <translation>Ajouter →</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressources</translation>
    </message>
    <message>
        <source>In the packet, in order</source>
        <translation>Dans le cahier, dans l&apos;ordre</translation>
    </message>
    <message>
        <source>Cover title</source>
        <translation>Titre de la couverture</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Enseignant</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Aperçu…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <source>Print &amp;Teacher Edition</source>
        <translation>Imprimer l&apos;édition &amp;enseignant</translation>
    </message>
    <message>
        <source>Print and export with the facilitator notes (never for students)</source>
        <translation>Imprimer et exporter avec les notes d&apos;animation (jamais pour les élèves)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>&amp;Aperçu avant impression…</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>E&amp;xporter en PDF…</translation>
    </message>
    <message>
        <source>Class &amp;Packet…</source>
        <translation>&amp;Cahier de la classe…</translation>
    </message>
    <message>
        <source>Add the class share&apos;s &amp;QR code (students open this handout on their phones)</source>
        <translation>Ajouter le &amp;code QR du partage avec la classe (les élèves ouvrent cette fiche sur leur téléphone)</translation>
    </message>
    <message>
        <source>Prints the share&apos;s address and its QR code under the title of each shared resource of a student copy. It works while this share runs: a new share has a new classroom code.</source>
        <translation>Imprime l&apos;adresse du partage et son code QR sous le titre de chaque ressource partagée d&apos;une copie de l&apos;élève. Cela fonctionne tant que ce partage est actif&#xa0;: un nouveau partage a un nouveau code de classe.</translation>
    </message>
    <message>
        <source>Print the class share&apos;s QR code</source>
        <translation>Imprimer le code QR du partage avec la classe</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Reading speed</source>
        <translation>Vitesse de lecture</translation>
    </message>
    <message>
        <source>Slower ← → faster</source>
        <translation>Plus lent ← → plus rapide</translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation>&amp;Vitesse&#xa0;:</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Lecture à voix haute</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Read aloud:</source>
        <translation>Lecture à voix haute&#xa0;:</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Read aloud needs a voice: on Linux install speech-dispatcher and espeak-ng; Windows and macOS have them.</source>
        <translation>La lecture à voix haute a besoin d&apos;une voix&#xa0;: sous Linux, installez speech-dispatcher et espeak-ng; Windows et macOS en ont déjà.</translation>
    </message>
    <message>
        <source>Read aloud has no {language} voice on this computer.</source>
        <translation>Cet ordinateur n&apos;a pas de voix «&#xa0;{language}&#xa0;» pour la lecture à voix haute.</translation>
    </message>
    <message>
        <source>Read &amp;Aloud</source>
        <translation>Lire à &amp;voix haute</translation>
    </message>
    <message>
        <source>Read the page or the selection aloud, the sentence read highlighted</source>
        <translation>Lire la page ou la sélection à voix haute, en surlignant la phrase lue</translation>
    </message>
    <message>
        <source>Stop Reading Aloud</source>
        <translation>Arrêter la lecture à voix haute</translation>
    </message>
    <message>
        <source>Open a page to read it aloud.</source>
        <translation>Ouvrez une page pour la lire à voix haute.</translation>
    </message>
    <message>
        <source>Preparing the voice…</source>
        <translation>Préparation de la voix…</translation>
    </message>
    <message>
        <source>Nothing to read here.</source>
        <translation>Rien à lire ici.</translation>
    </message>
    <message>
        <source>Finished reading.</source>
        <translation>Lecture terminée.</translation>
    </message>
    <message>
        <source>Reading sentence {number} of {count}</source>
        <translation>Lecture de la phrase {number} sur {count}</translation>
    </message>
    <message>
        <source>Paused at sentence {number} of {count}</source>
        <translation>En pause à la phrase {number} sur {count}</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Lecture arrêtée.</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <source>Content note</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Revenir</translation>
    </message>
    <message>
        <source>Before you open “{title}”</source>
        <translation>Avant d&apos;ouvrir «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>Find in page</source>
        <translation>Rechercher dans la page</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Occurrence précédente (Maj+F3)</translation>
    </message>
    <message>
        <source>Next match (F3 or Enter)</source>
        <translation>Occurrence suivante (F3 ou Entrée)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Rechercher&#xa0;:</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} sur {total}</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Copier l&apos;adresse</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>This link goes to an e-mail address and needs the internet: {address}</source>
        <translation>Ce lien mène à une adresse courriel et demande internet&#xa0;: {address}</translation>
    </message>
    <message>
        <source>This link goes to a website and needs the internet: {address}</source>
        <translation>Ce lien mène à un site Web et demande internet&#xa0;: {address}</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiée</translation>
    </message>
    <message>
        <source>outside the pack</source>
        <translation>hors du paquet</translation>
    </message>
    <message>
        <source>unreadable picture</source>
        <translation>image illisible</translation>
    </message>
    <message>
        <source>too many large pictures on one page</source>
        <translation>trop de grandes images sur une seule page</translation>
    </message>
    <message>
        <source>Picture not available</source>
        <translation>Image non disponible</translation>
    </message>
    <message>
        <source>&amp;Reading Options…</source>
        <translation>&amp;Options de lecture…</translation>
    </message>
    <message>
        <source>Reading &amp;Ruler</source>
        <translation>Règle de lect&amp;ure</translation>
    </message>
    <message>
        <source>Show the line being read on a band; Up and Down move it</source>
        <translation>Afficher la ligne lue sur une bande; les flèches Haut et Bas la déplacent</translation>
    </message>
    <message>
        <source>Reading ruler on: Up and Down move it.</source>
        <translation>Règle de lecture activée&#xa0;: les flèches Haut et Bas la déplacent.</translation>
    </message>
    <message>
        <source>Reading ruler off.</source>
        <translation>Règle de lecture désactivée.</translation>
    </message>
    <message>
        <source>Reading Options</source>
        <translation>Options de lecture</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Atkinson Hyperlegible (letters harder to mix up)</source>
        <translation>Atkinson Hyperlegible (lettres plus difficiles à confondre)</translation>
    </message>
    <message>
        <source>{spacing} lines</source>
        <translation>Interligne {spacing}</translation>
    </message>
    <message>
        <source>Narrow (shorter lines)</source>
        <translation>Étroite (lignes plus courtes)</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>Wide</source>
        <translation>Large</translation>
    </message>
    <message>
        <source>Reading &amp;ruler: the line being read on a band ({shortcut})</source>
        <translation>&amp;Règle de lecture&#xa0;: la ligne lue sur une bande ({shortcut})</translation>
    </message>
    <message>
        <source>Changes show on the page at once and are remembered.</source>
        <translation>Les changements s&apos;affichent aussitôt sur la page et sont conservés.</translation>
    </message>
    <message>
        <source>&amp;Font:</source>
        <translation>&amp;Police&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Line spacing:</source>
        <translation>&amp;Interligne&#xa0;:</translation>
    </message>
    <message>
        <source>Text &amp;width:</source>
        <translation>&amp;Largeur du texte&#xa0;:</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>{text}, link</source>
        <translation>{text}, lien</translation>
    </message>
    <message>
        <source>Caret &amp;Browsing</source>
        <translation>Navi&amp;gation au curseur</translation>
    </message>
    <message>
        <source>A caret in the page: the arrow keys move it instead of scrolling</source>
        <translation>Un curseur dans la page&#xa0;: les flèches le déplacent au lieu de faire défiler</translation>
    </message>
    <message>
        <source>Caret browsing on: the arrow keys move a caret in the page.</source>
        <translation>Navigation au curseur activée&#xa0;: les flèches déplacent un curseur dans la page.</translation>
    </message>
    <message>
        <source>Caret browsing off: the arrow keys scroll the page.</source>
        <translation>Navigation au curseur désactivée&#xa0;: les flèches font défiler la page.</translation>
    </message>
    <message>
        <source>This page cannot be displayed safely: it is too complex to lay out.</source>
        <translation>Cette page ne peut pas être affichée de façon sûre&#xa0;: sa mise en page est trop complexe.</translation>
    </message>
</context>
<context>
    <name>ReadingPage</name>
    <message>
        <source>Teacher edition</source>
        <translation>Édition enseignant</translation>
    </message>
    <message>
        <source>Related</source>
        <translation>Voir aussi</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>The disk holding the search index is full: free about {mb} MB on it ({folder}). Until then this session searches a temporary in-memory index.</source>
        <translation>Le disque qui contient l&apos;index de recherche est plein&#xa0;: libérez-y environ {mb} Mo ({folder}). En attendant, cette session cherche dans un index temporaire en mémoire.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search the kit  (Ctrl+K)</source>
        <translation>Chercher dans la trousse  (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Effacer la recherche</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Tout type</translation>
    </message>
    <message>
        <source>All audiences</source>
        <translation>Tout public</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>Toute langue</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Library and results</source>
        <translation>Bibliothèque et résultats</translation>
    </message>
    <message>
        <source>The search index is being built ({percent})…</source>
        <translation>L&apos;index de recherche est en construction ({percent})…</translation>
    </message>
    <message>
        <source> (showing {shown})</source>
        <translation> ({shown} affichés)</translation>
    </message>
    <message>
        <source>{count} results</source>
        <translation>{count} résultats</translation>
    </message>
    <message>
        <source>{count} result</source>
        <translation>{count} résultat</translation>
    </message>
    <message>
        <source>Type a word to search.</source>
        <translation>Tapez un mot à chercher.</translation>
    </message>
    <message>
        <source>No matches for “{query}”.</source>
        <translation>Aucun résultat pour «&#xa0;{query}&#xa0;».</translation>
    </message>
    <message>
        <source>Did you mean {word}?</source>
        <translation>Vouliez-vous dire {word}?</translation>
    </message>
</context>
<context>
    <name>SearchService</name>
    <message>
        <source>Search is not available in this version of the kit.</source>
        <translation>La recherche n&apos;est pas offerte dans cette version de la trousse.</translation>
    </message>
    <message>
        <source>The search index could not be built ({error}).</source>
        <translation>L&apos;index de recherche n&apos;a pas pu être construit ({error}).</translation>
    </message>
    <message>
        <source>Search could not run ({error}).</source>
        <translation>La recherche n&apos;a pas pu se faire ({error}).</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Settings file {path} is not a regular file; using the defaults.</source>
        <translation>Le fichier de réglages {path} n&apos;est pas un fichier ordinaire; les réglages par défaut sont utilisés.</translation>
    </message>
    <message>
        <source>Settings file {path} is too large; using the defaults.</source>
        <translation>Le fichier de réglages {path} est trop gros; les réglages par défaut sont utilisés.</translation>
    </message>
    <message>
        <source>Settings file {path} could not be read ({error}); using the defaults.</source>
        <translation>Le fichier de réglages {path} n&apos;a pas pu être lu ({error}); les réglages par défaut sont utilisés.</translation>
    </message>
    <message>
        <source>Settings file {path} is damaged; using the defaults.</source>
        <translation>Le fichier de réglages {path} est endommagé; les réglages par défaut sont utilisés.</translation>
    </message>
    <message>
        <source>Settings file {path}: ignored {names} (invalid value).</source>
        <translation>Fichier de réglages {path}&#xa0;: {names} ignoré (valeur non valide).</translation>
    </message>
    <message>
        <source>Settings will not be saved: {folder} is not writable ({error}).</source>
        <translation>Les réglages ne seront pas enregistrés&#xa0;: impossible d&apos;écrire dans {folder} ({error}).</translation>
    </message>
    <message>
        <source>Settings could not be saved in {folder} ({error}).</source>
        <translation>Les réglages n&apos;ont pas pu être enregistrés dans {folder} ({error}).</translation>
    </message>
</context>
<context>
    <name>Share</name>
    <message>
        <source>S&amp;hare with Class…</source>
        <translation>&amp;Partager avec la classe…</translation>
    </message>
    <message>
        <source>Stop S&amp;haring</source>
        <translation>Arrêter le parta&amp;ge</translation>
    </message>
    <message>
        <source>the whole kit</source>
        <translation>toute la trousse</translation>
    </message>
    <message>
        <source>the lesson “{title}”</source>
        <translation>la leçon «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>{what} has no student resources to share</source>
        <translation>{what}&#xa0;: aucune ressource pour les élèves à partager</translation>
    </message>
    <message>
        <source>ports {first}–{last} are all in use by other programs; close one (or another share) and try again</source>
        <translation>les ports {first} à {last} sont tous utilisés par d&apos;autres programmes; fermez-en un (ou un autre partage) et réessayez</translation>
    </message>
    <message>
        <source>Port {busy} was busy, so the share uses port {port}.</source>
        <translation>Le port {busy} était occupé; le partage utilise le port {port}.</translation>
    </message>
    <message>
        <source>Could not start sharing: {error}</source>
        <translation>Impossible de lancer le partage&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Stopped sharing with the class</source>
        <translation>Partage avec la classe arrêté</translation>
    </message>
    <message>
        <source>Sharing with the class — {devices}</source>
        <translation>Partage avec la classe — {devices}</translation>
    </message>
    <message>
        <source>{count} resource</source>
        <translation>{count} ressource</translation>
    </message>
    <message>
        <source>{count} resources</source>
        <translation>{count} ressources</translation>
    </message>
    <message>
        <source>{count} device reading</source>
        <translation>{count} appareil connecté</translation>
    </message>
    <message>
        <source>{count} devices reading</source>
        <translation>{count} appareils connectés</translation>
    </message>
    <message>
        <source>Share with Class</source>
        <translation>Partager avec la classe</translation>
    </message>
    <message>
        <source>Students open the address below, or scan the code, in a browser on the same network (the school network, or this computer&apos;s hotspot). They get the student edition only: no teacher notes, no notes of yours. No internet is needed.</source>
        <translation>Les élèves ouvrent l&apos;adresse ci-dessous, ou balaient le code, dans un navigateur sur le même réseau (celui de l&apos;école ou le point d&apos;accès de cet ordinateur). Ils ne reçoivent que l&apos;édition élève&#xa0;: ni notes pour l&apos;enseignant ni vos notes. Aucun accès à internet n&apos;est nécessaire.</translation>
    </message>
    <message>
        <source>The whole kit</source>
        <translation>Toute la trousse</translation>
    </message>
    <message>
        <source>A lesson:</source>
        <translation>Une leçon&#xa0;:</translation>
    </message>
    <message>
        <source>What to share</source>
        <translation>Quoi partager</translation>
    </message>
    <message>
        <source>Start Sharing</source>
        <translation>Lancer le partage</translation>
    </message>
    <message>
        <source>Stop Sharing</source>
        <translation>Arrêter le partage</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>The share keeps running; stop it here or with File → Stop Sharing</source>
        <translation>Le partage continue; arrêtez-le ici ou avec Fichier → Arrêter le partage</translation>
    </message>
    <message>
        <source>Share status</source>
        <translation>État du partage</translation>
    </message>
    <message>
        <source>No lessons yet (Lessons → Lessons…)</source>
        <translation>Aucune leçon pour l&apos;instant (Leçons → Leçons…)</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>pas encore</translation>
    </message>
    <message>
        <source>Address for students: {address}</source>
        <translation>Adresse pour les élèves&#xa0;: {address}</translation>
    </message>
    <message>
        <source>Other addresses: none</source>
        <translation>Autres adresses&#xa0;: aucune</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Not sharing. Choose what to share, then Start Sharing.</source>
        <translation>Aucun partage. Choisissez quoi partager, puis Lancer le partage.</translation>
    </message>
    <message>
        <source>Class code: {code}</source>
        <translation>Code de la classe&#xa0;: {code}</translation>
    </message>
    <message>
        <source>Also on this computer&apos;s other networks:</source>
        <translation>Aussi sur les autres réseaux de cet ordinateur&#xa0;:</translation>
    </message>
    <message>
        <source>QR code for {address}</source>
        <translation>Code QR pour {address}</translation>
    </message>
    <message>
        <source>Sharing {what}: {resources}, student edition.</source>
        <translation>Partage de {what}&#xa0;: {resources}, édition élève.</translation>
    </message>
    <message>
        <source>Closing this window keeps the share running.</source>
        <translation>Fermer cette fenêtre n&apos;arrête pas le partage.</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Classroom Kit is already open with the data folder {folder} ({where}) but did not answer; close that copy (or wait for it) and start the kit again</source>
        <translation>La Trousse de classe est déjà ouverte avec le dossier de données {folder} ({where}), mais elle ne répond pas; fermez cette copie (ou attendez-la), puis relancez la trousse</translation>
    </message>
    <message>
        <source>Your data folder {folder} cannot be written ({why}): the kit opened read-only and will not save changes.</source>
        <translation>Impossible d&apos;écrire dans votre dossier de données {folder} ({why})&#xa0;: la trousse s&apos;est ouverte en lecture seule et n&apos;enregistrera pas les changements.</translation>
    </message>
    <message>
        <source>not a {suffix} file</source>
        <translation>pas un fichier {suffix}</translation>
    </message>
    <message>
        <source>no such pack file: {name}</source>
        <translation>fichier de paquet introuvable&#xa0;: {name}</translation>
    </message>
</context>
<context>
    <name>Slides</name>
    <message>
        <source>{title} (continued)</source>
        <translation>{title} (suite)</translation>
    </message>
</context>
<context>
    <name>StructureNavigation</name>
    <message>
        <source>{text}, heading level {level}</source>
        <translation>{text}, titre de niveau {level}</translation>
    </message>
    <message>
        <source>Next &amp;heading</source>
        <translation>&amp;Titre suivant</translation>
    </message>
    <message>
        <source>Previous h&amp;eading</source>
        <translation>T&amp;itre précédent</translation>
    </message>
    <message>
        <source>Headings &amp;list…</source>
        <translation>&amp;Liste des titres…</translation>
    </message>
    <message>
        <source>No more headings below.</source>
        <translation>Aucun autre titre plus bas.</translation>
    </message>
    <message>
        <source>No more headings above.</source>
        <translation>Aucun autre titre plus haut.</translation>
    </message>
    <message>
        <source>Headings</source>
        <translation>Titres</translation>
    </message>
    <message>
        <source>This page has no headings.</source>
        <translation>Cette page n&apos;a aucun titre.</translation>
    </message>
</context>
<context>
    <name>TeacherData</name>
    <message>
        <source>Your note on this resource (only you see it)</source>
        <translation>Votre note sur cette ressource (vous seul la voyez)</translation>
    </message>
    <message>
        <source>Note on this resource</source>
        <translation>Note sur cette ressource</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>Open a resource to write a note on it</source>
        <translation>Ouvrez une ressource pour y écrire une note</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Modification…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistrée</translation>
    </message>
    <message>
        <source>Search My Notes</source>
        <translation>Chercher dans mes notes</translation>
    </message>
    <message>
        <source>Words in my notes</source>
        <translation>Mots dans mes notes</translation>
    </message>
    <message>
        <source>My note</source>
        <translation>Ma note</translation>
    </message>
    <message>
        <source>&amp;Bookmark This Resource</source>
        <translation>Mettre un &amp;signet sur cette ressource</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>&amp;Signets</translation>
    </message>
    <message>
        <source>&amp;Search My Notes…</source>
        <translation>&amp;Chercher dans mes notes…</translation>
    </message>
    <message>
        <source>&amp;Lessons…</source>
        <translation>&amp;Leçons…</translation>
    </message>
    <message>
        <source>&amp;Add to Lesson</source>
        <translation>&amp;Ajouter à la leçon</translation>
    </message>
    <message>
        <source>Add this resource to the lesson you are planning</source>
        <translation>Ajouter cette ressource à la leçon que vous préparez</translation>
    </message>
    <message>
        <source>Add &amp;Material…</source>
        <translation>Ajouter du &amp;matériel…</translation>
    </message>
    <message>
        <source>&amp;Import Pack…</source>
        <translation>Importer u&amp;n paquet…</translation>
    </message>
    <message>
        <source>&amp;Export Pack…</source>
        <translation>Expor&amp;ter un paquet…</translation>
    </message>
    <message>
        <source>&amp;Remove Imported Pack…</source>
        <translation>Retirer &amp;un paquet importé…</translation>
    </message>
    <message>
        <source>Make an Editable &amp;Copy</source>
        <translation>Faire une copie mo&amp;difiable</translation>
    </message>
    <message>
        <source>&amp;Edit My Resource…</source>
        <translation>Modifier ma &amp;ressource…</translation>
    </message>
    <message>
        <source>&amp;Update from Original…</source>
        <translation>Mettre à jour à partir de l&apos;&amp;original…</translation>
    </message>
    <message>
        <source>Import your Word, PowerPoint or PDF file again after editing it</source>
        <translation>Importer de nouveau votre fichier Word, PowerPoint ou PDF après l&apos;avoir modifié</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>&amp;Leçons</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>Signet ajouté</translation>
    </message>
    <message>
        <source>Bookmark removed</source>
        <translation>Signet retiré</translation>
    </message>
    <message>
        <source>No bookmarks yet (Ctrl+D)</source>
        <translation>Aucun signet pour l&apos;instant (Ctrl+D)</translation>
    </message>
    <message>
        <source>With my notes</source>
        <translation>Avec mes notes</translation>
    </message>
    <message>
        <source>{id} (no longer in the kit)</source>
        <translation>{id} (n&apos;est plus dans la trousse)</translation>
    </message>
    <message>
        <source>Choose a resource in the library first, then Add to Lesson.</source>
        <translation>Choisissez d&apos;abord une ressource dans la bibliothèque, puis Ajouter à la leçon.</translation>
    </message>
    <message>
        <source>New lesson</source>
        <translation>Nouvelle leçon</translation>
    </message>
    <message>
        <source>Added “{title}” to “{lesson}”: {resources}, {minutes} min (Lessons… to plan it, Ctrl+Shift+L).</source>
        <translation>«&#xa0;{title}&#xa0;» ajoutée à «&#xa0;{lesson}&#xa0;»&#xa0;: {resources}, {minutes} min (Leçons… pour la planifier, Ctrl+Maj+L).</translation>
    </message>
    <message>
        <source>{count} resource</source>
        <translation>{count} ressource</translation>
    </message>
    <message>
        <source>{count} resources</source>
        <translation>{count} ressources</translation>
    </message>
    <message>
        <source>{count} resource is hidden by others with the same id — File → Remove Imported Pack… or see `kit list`</source>
        <translation>{count} ressource est masquée par d&apos;autres qui ont le même identifiant — Fichier → Retirer un paquet importé… ou voir «&#xa0;kit list&#xa0;»</translation>
    </message>
    <message>
        <source>{count} resources are hidden by others with the same id — File → Remove Imported Pack… or see `kit list`</source>
        <translation>{count} ressources sont masquées par d&apos;autres qui ont le même identifiant — Fichier → Retirer un paquet importé… ou voir «&#xa0;kit list&#xa0;»</translation>
    </message>
</context>
<context>
    <name>Themes</name>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Projector</source>
        <translation>Projecteur</translation>
    </message>
</context>
</TS>
