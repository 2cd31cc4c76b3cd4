using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Features.Social;

/// <summary>The social networks' pages and the problem page's posts.</summary>
[UiTexts]
internal static class SocialTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["nav.social"] = new("Соцсети", "Әлеуметтік желілер", "Social networks"),
        ["social.title"] = new("Резонансные посты без обращений", "Өтініші жоқ резонансты жазбалар", "Resonant posts with no appeal"),
        ["social.lead"] = new(
            "Публикации в соцсетях, о которых в 109 не обращались: город о них не слышал. Сначала самые резонансные.",
            "109-ға өтініш түспеген әлеуметтік желі жазбалары: қала олар туралы естімеген. Алдымен ең резонансты.",
            "Posts on social networks no appeal to 109 is about: the city has not heard of them. The most resonant first."),
        ["social.network"] = new("Сеть", "Желі", "Network"),
        ["social.sort"] = new("Порядок", "Реттілік", "Order"),
        ["social.sort.reach"] = new("По охвату", "Қамту бойынша", "By reach"),
        ["social.sort.time"] = new("По времени", "Уақыт бойынша", "By time"),
        ["social.reach"] = new("охват {0}", "қамту {0}", "reach {0}"),
        ["social.reactions"] = new("реакций {0} · репостов {1}", "реакция {0} · репост {1}", "{0} reactions · {1} reposts"),
        ["social.open"] = new("Открыть пост", "Жазбаны ашу", "Open the post"),
        ["social.details"] = new("Подробнее", "Толығырақ", "Details"),
        ["social.unfiled"] = new("тема не определена", "тақырып анықталмады", "topic unknown"),
        ["social.unplaced"] = new("место не указано", "орны көрсетілмеген", "place unknown"),
        ["social.empty"] = new("Таких постов нет: о всём резонансном город знает из обращений.", "Мұндай жазба жоқ: қала барлық резонансты жайтты өтініштерден біледі.", "No such posts: the city knows of everything resonant from appeals."),
        ["social.shown"] = new("Показано {0}", "Көрсетілді {0}", "{0} shown"),
        ["social.post"] = new("Пост", "Жазба", "Post"),
        ["social.notFound"] = new("Поста нет.", "Жазба жоқ.", "There is no such post."),
        ["social.back"] = new("Резонансные посты", "Резонансты жазбалар", "Resonant posts"),
        ["social.links"] = new("О чём этот пост", "Бұл жазба не туралы", "What this post is about"),
        ["social.noLinks"] = new("Ни одного обращения или системной проблемы об этом.", "Бұл туралы бірде-бір өтініш не жүйелі мәселе жоқ.", "No appeal or systemic problem about it."),
        ["social.kind.appeal"] = new("Обращение", "Өтініш", "Appeal"),
        ["social.kind.problem"] = new("Системная проблема", "Жүйелі мәселе", "Systemic problem"),
        ["social.reason.topic_place"] = new("та же тема, то же место", "сол тақырып, сол орын", "same topic, same place"),
        ["social.reason.topic_text"] = new("та же тема, похожий текст", "сол тақырып, ұқсас мәтін", "same topic, similar text"),
        ["social.reason.manual"] = new("связано аналитиком", "талдаушы байланыстырды", "linked by an analyst"),
        ["social.similarity"] = new("сходство {0:P0}", "ұқсастық {0:P0}", "similarity {0:P0}"),
        ["social.metres"] = new("{0:N0} м", "{0:N0} м", "{0:N0} m"),
        ["social.placedBy.coordinates"] = new("по координатам", "координаттар бойынша", "by coordinates"),
        ["social.placedBy.place"] = new("по месту в посте", "жазбадағы орын бойынша", "by the post's place"),
        ["social.placedBy.text"] = new("по адресу в тексте", "мәтіндегі мекенжай бойынша", "by the address in its text"),
        ["social.confidence"] = new("уверенность модели {0:P0}", "модель сенімділігі {0:P0}", "model confidence {0:P0}"),
        ["social.problemPosts"] = new("Соцсети", "Әлеуметтік желілер", "Social networks"),
        ["social.problemPosts.count"] = new("Постов", "Жазбалар", "Posts"),
        ["social.problemPosts.reach"] = new("Охват", "Қамту", "Reach"),
        ["social.problemPosts.none"] = new("О проблеме в соцсетях не писали.", "Мәселе туралы әлеуметтік желілерде жазылмаған.", "Nobody posted about this problem."),
        ["social.handleHidden"] = new("[автор скрыт]", "[автор жасырылған]", "[author hidden]"),
        ["problems.part.reach"] = new("охват в соцсетях", "әлеуметтік желілердегі қамту", "reach on social networks"),
    };
}
