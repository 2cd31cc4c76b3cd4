using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Features.Knowledge;

[UiTexts]
internal static class KnowledgeTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["nav.kb"] = new("База знаний", "Білім қоры", "Knowledge base"),
        ["nav.kbReview"] = new("Статьи базы знаний", "Білім қорының мақалалары", "Knowledge base articles"),
        ["kb.job.mining"] = new("База знаний операторов", "Операторлардың білім қоры", "Operators' knowledge base"),
        ["kb.job.result"] = new("групп вопросов: {0:N0}, новых черновиков: {1:N0}", "сұрақ топтары: {0:N0}, жаңа жобалар: {1:N0}",
            "question groups: {0:N0}, new drafts: {1:N0}"),
        ["audit.action.knowledge.change"] = new("Статья базы знаний", "Білім қорының мақаласы", "Knowledge base article"),

        ["kb.title"] = new("База знаний", "Білім қоры", "Knowledge base"),
        ["kb.hint"] = new("Вопросы жителей и ответы, которые операторы дают с первого обращения.",
            "Тұрғындардың сұрақтары және операторлар бірінші өтініште беретін жауаптар.",
            "Residents' questions and the answers operators give on the first contact."),
        ["kb.search"] = new("Поиск по базе знаний", "Білім қорынан іздеу", "Search the knowledge base"),
        ["kb.searchHint"] = new("Слова на русском или казахском в любой форме", "Орысша немесе қазақша сөздер кез келген формада",
            "Words in Russian or Kazakh, in any form"),
        ["kb.noQuery"] = new("Введите вопрос жителя, чтобы найти ответ", "Жауап табу үшін тұрғынның сұрағын енгізіңіз",
            "Type the resident's question to find the answer"),
        ["kb.empty"] = new("Ничего не найдено", "Ештеңе табылмады", "Nothing found"),
        ["kb.found"] = new("Найдено: {0:N0}", "Табылды: {0:N0}", "Found: {0:N0}"),
        ["kb.question"] = new("Вопрос", "Сұрақ", "Question"),
        ["kb.answer"] = new("Ответ", "Жауап", "Answer"),
        ["kb.organisation"] = new("Решает", "Шешеді", "Resolved by"),
        ["kb.noOrganisation"] = new("оператор на линии", "желідегі оператор", "the operator on the line"),
        ["kb.deadline"] = new("Срок", "Мерзімі", "Deadline"),
        ["kb.deadlineDays"] = new("до {0:N0} раб. дн.", "{0:N0} жұмыс күніне дейін", "up to {0:N0} working days"),
        ["kb.appeals"] = new("обращений: {0:N0}", "өтініштер: {0:N0}", "appeals: {0:N0}"),
        ["kb.editedBy"] = new("изменил(а) {0}, {1:dd.MM.yyyy HH:mm}", "{0} өзгертті, {1:dd.MM.yyyy HH:mm}", "edited by {0}, {1:dd.MM.yyyy HH:mm}"),
        ["kb.status.draft"] = new("Черновики", "Жобалар", "Drafts"),
        ["kb.status.published"] = new("Опубликованы", "Жарияланған", "Published"),
        ["kb.status.archived"] = new("В архиве", "Мұрағатта", "Archived"),

        ["kb.review.title"] = new("Статьи базы знаний", "Білім қорының мақалалары", "Knowledge base articles"),
        ["kb.review.hint"] = new("Черновики собраны из обращений, решённых с первого обращения. Проверьте текст, дополните казахский вариант и опубликуйте.",
            "Жобалар бірінші өтініште шешілген өтініштерден жиналған. Мәтінді тексеріп, қазақша нұсқасын толықтырып, жариялаңыз.",
            "Drafts are mined from appeals resolved on the first contact. Check the text, add the Kazakh version and publish."),
        ["kb.review.empty"] = new("Статей с этим статусом нет", "Бұл мәртебедегі мақалалар жоқ", "No articles with this status"),
        ["kb.edit"] = new("Изменить", "Өзгерту", "Edit"),
        ["kb.save"] = new("Сохранить", "Сақтау", "Save"),
        ["kb.cancel"] = new("Отмена", "Болдырмау", "Cancel"),
        ["kb.publish"] = new("Опубликовать", "Жариялау", "Publish"),
        ["kb.archive"] = new("В архив", "Мұрағатқа", "Archive"),
        ["kb.toDraft"] = new("В черновики", "Жобаларға", "Back to drafts"),
        ["kb.saved"] = new("Статья сохранена", "Мақала сақталды", "Article saved"),
        ["kb.moved"] = new("Статус статьи изменён", "Мақала мәртебесі өзгертілді", "Article status changed"),
        ["kb.gone"] = new("Статья не найдена", "Мақала табылмады", "Article not found"),
        ["kb.questionRu"] = new("Вопрос (рус.)", "Сұрақ (орыс.)", "Question (Russian)"),
        ["kb.questionKk"] = new("Вопрос (каз.)", "Сұрақ (қаз.)", "Question (Kazakh)"),
        ["kb.answerRu"] = new("Ответ (рус.)", "Жауап (орыс.)", "Answer (Russian)"),
        ["kb.answerKk"] = new("Ответ (каз.)", "Жауап (қаз.)", "Answer (Kazakh)"),
        ["kb.deadlineField"] = new("Срок, рабочих дней", "Мерзімі, жұмыс күндері", "Deadline, working days"),
        ["kb.error.questionRequired"] = new("Нужен вопрос на русском", "Орысша сұрақ қажет", "The Russian question is required"),
        ["kb.error.answerRequired"] = new("Нужен ответ на русском", "Орысша жауап қажет", "The Russian answer is required"),
        ["kb.error.tooLong"] = new("Текст слишком длинный", "Мәтін тым ұзын", "The text is too long"),
        ["kb.error.deadline"] = new("Срок — от 1 до 30 рабочих дней", "Мерзімі — 1-ден 30 жұмыс күніне дейін", "The deadline is 1 to 30 working days"),
        ["kb.error.status"] = new("Неизвестный статус", "Белгісіз мәртебе", "Unknown status"),
        ["kb.error.organisation"] = new("Такой организации нет", "Мұндай ұйым жоқ", "No such organisation"),

        ["kb.suggestions.title"] = new("Ответы из базы знаний", "Білім қорынан жауаптар", "Answers from the knowledge base"),
        ["kb.suggestions.hint"] = new("Появятся, пока вы пишете текст обращения", "Өтініш мәтінін жазған кезде пайда болады",
            "They appear as you type the appeal's text"),
        ["kb.suggestions.empty"] = new("Подходящих ответов нет", "Сәйкес жауаптар жоқ", "No matching answers"),
    };
}
