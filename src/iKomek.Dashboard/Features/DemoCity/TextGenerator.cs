using System.Globalization;
using System.Text;

namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>Language of an appeal (the schema's check constraint).</summary>
internal enum AppealLanguage { Ru, Kk, En, Mixed }

/// <summary>
/// Writes the resident's description of a problem in the appeal's language: the service type's stem and
/// object wrapped in greetings, times, places, complaints, requests and phone numbers, with the noise
/// of real messages (typos, Latin transliteration, mixed Russian and Kazakh, two topics at once), so
/// that classifying them is not trivial. One instance per thread: it reuses its buffer.
/// </summary>
internal sealed class TextGenerator
{
    private const int MaxLength = 600;
    /// <summary>Share of the topics told in a resident's own words where the problem has them.</summary>
    private const double ResidentShare = 0.6;

    /// <summary>
    /// The phrasing the last text's topic came from ("heating.no_heat/ru/r3": problem, language, resident phrase or
    /// catalogue stem and its index), so that an evaluation can hold out whole phrasings.
    /// </summary>
    public string Phrasing { get; private set; } = "";

    private sealed record Phrases(
        string[] Greetings, string[] Intros, string[] Times, string[] Extras, string[] Requests, string[] Contacts,
        string[] Questions, string[] Again, string AddressLabel, string Also, string[] Signatures);

    private static readonly Phrases Russian = new(
        Greetings: ["Здравствуйте.", "Здравствуйте!", "Добрый день.", "Добрый день!", "Добрый вечер.", "Доброе утро.", "Алло, здравствуйте.", "Уважаемый аким!",
            "Уважаемые сотрудники акимата!", "Приветствую.", "Здравствуйте, меня зовут {name}.", "", "", ""],
        Intros: ["Обращаюсь по поводу проблемы:", "Пишу уже не первый раз.", "Хочу пожаловаться.", "Прошу обратить внимание:", "Жители дома просят помочь.",
            "Ситуация такая:", "Сообщаю о проблеме."],
        Times: ["уже {n} дня", "уже {n5} дней", "со вчерашнего вечера", "с самого утра", "вторую неделю", "третий день", "с {h} часов", "уже несколько часов",
            "с понедельника", "с выходных", "который месяц", "с ночи"],
        Extras: ["Звонили в КСК, никто не отвечает.", "В ОСИ говорят, что это не их вопрос.", "Это уже не первый раз.", "В доме пожилые люди и маленькие дети.",
            "Соседи тоже жалуются.", "Заявку подавали неделю назад, ничего не сделано.", "Фото могу отправить.", "Сколько можно терпеть?",
            "Обещали исправить ещё в прошлом месяце.", "Дозвониться невозможно.", "Ситуация повторяется постоянно.", "Живу в кв. {flat}.", "Подъезд {n}, этаж {h}."],
        Requests: ["Просим принять меры.", "Примите меры!", "Помогите, пожалуйста.", "Когда устранят?", "Прошу разобраться.", "Просьба срочно отреагировать.",
            "Жду ответа.", "Прошу перезвонить.", "Очень просим помочь!", "Разберитесь, пожалуйста.", "Спасибо заранее."],
        Contacts: ["Мой номер {phone}.", "Тел. {phone}", "Перезвоните по номеру {phone}.", "Контакт: {phone}", "Звоните {phone}"],
        Questions: ["Подскажите, {core}?", "Хотела бы узнать: {core}?", "Скажите, пожалуйста, {core}?", "Вопрос: {core}.", "Интересует {core}.", "{core}?"],
        Again: ["Опять", "Снова", "В который раз", "Опять и опять"],
        AddressLabel: "Адрес:",
        Also: "И ещё:",
        Signatures: ["С уважением, жители дома.", "С уважением, {name}.", "Жители подъезда №{n}.", "{name}"]);

    private static readonly Phrases Kazakh = new(
        Greetings: ["Сәлеметсіз бе!", "Сәлеметсіз бе.", "Қайырлы күн.", "Қайырлы кеш.", "Армысыздар!", "Құрметті әкім!", "Сәлем.", "", ""],
        Intros: ["Мына мәселе бойынша жазып отырмын:", "Бірінші рет жазып отырған жоқпын.", "Шағым түсіргім келеді.", "Назар аударуларыңызды сұраймын:"],
        Times: ["{n} күннен бері", "кеше кештен бері", "таңертеңнен бері", "екі аптадан бері", "бірнеше сағаттан бері", "дүйсенбіден бері", "бірнеше айдан бері"],
        Extras: ["ПИБ-ке хабарластық, жауап жоқ.", "Бұл бірінші рет емес.", "Үйде қарт адамдар мен кішкентай балалар бар.", "Көршілер де шағымданып жатыр.",
            "Бір апта бұрын өтінім бердік, ештеңе жасалған жоқ.", "Суретін жібере аламын.", "{flat}-пәтерде тұрамын."],
        Requests: ["Шара қолдануларыңызды сұраймыз.", "Көмектесіңіздерші.", "Тезірек шешіңіздер!", "Қашан жөндейсіздер?", "Рақмет.", "Жауап күтемін.",
            "Маған қайта хабарласыңыздар."],
        Contacts: ["Телефоным: {phone}.", "Байланыс: {phone}", "Нөмірім {phone}."],
        Questions: ["Айтыңызшы, {core}?", "Білгім келеді: {core}?", "Сұрақ: {core}.", "{core}?"],
        Again: ["Тағы да", "Қайтадан", "Тағы"],
        AddressLabel: "Мекенжайы:",
        Also: "Тағы бір мәселе:",
        Signatures: ["Құрметпен, үй тұрғындары.", "Құрметпен, {name}.", "{name}"]);

    private static readonly Phrases English = new(
        Greetings: ["Hello,", "Hello.", "Good afternoon.", "Good evening.", "Dear akimat,", "Hi,", ""],
        Intros: ["I am writing about a problem:", "This is not my first message.", "I would like to complain."],
        Times: ["for {n} days now", "since yesterday evening", "since this morning", "for two weeks", "for several hours", "since Monday"],
        Extras: ["We called the housing cooperative, nobody answers.", "This is not the first time.", "There are elderly people and small children in the building.",
            "The neighbours complain too.", "I can send photos.", "I live in flat {flat}."],
        Requests: ["Please fix it.", "Please help.", "When will it be repaired?", "Please take action.", "Thank you.", "Looking forward to your reply."],
        Contacts: ["My phone: {phone}.", "Contact: {phone}", "Call me at {phone}."],
        Questions: ["Could you tell me: {core}?", "Question: {core}.", "{core}?"],
        Again: ["Again", "Once again"],
        AddressLabel: "Address:",
        Also: "Also:",
        Signatures: ["Regards, {name}", "Residents of the building", ""]);

    private static readonly string[] FirstNames = ["Айгерим", "Ержан", "Гульнара", "Серик", "Асель", "Марат", "Елена", "Нурлан", "Динара", "Ольга", "Бауыржан", "Сауле"];
    private static readonly string[] OperatorStarts = ["Заявитель сообщает:", "Житель сообщает, что", "Со слов заявителя:", "Поступило обращение:"];
    private static readonly string[] OperatorEnds = ["Просит принять меры.", "Просит проверить.", "Просит дать разъяснение.", "Просит устранить.", ""];
    private static readonly string[] LatinLetters = BuildTranslit();
    private static readonly string[] RunOns = [", и еще ", " и ещё ", ", а еще ", ", плюс ", ". Кстати "];

    private readonly StringBuilder _sb = new(MaxLength + 200);
    private readonly StringBuilder _tmp = new(MaxLength + 200);

    public static string Code(AppealLanguage language) => language switch
    {
        AppealLanguage.Ru => "ru",
        AppealLanguage.Kk => "kk",
        AppealLanguage.En => "en",
        _ => "mixed",
    };

    /// <param name="address">The address to mention, if any; <paramref name="flat"/> is 0 for none.</param>
    /// <param name="second">A second topic in the same message, rarely.</param>
    /// <param name="recurring">The resident has written about this before.</param>
    /// <param name="byOperator">Registered by a 109 operator, who writes in the third person.</param>
    public string Describe(ServiceType type, AppealLanguage language, string? address, int flat, Random rng,
        ServiceType? second = null, bool recurring = false, bool byOperator = false)
    {
        _sb.Clear();
        Phrasing = "";
        var main = language switch
        {
            AppealLanguage.Kk => Kazakh,
            AppealLanguage.En => English,
            _ => Russian,
        };
        // Mixed messages are Russian with Kazakh greetings and requests, or Kazakh with Russian ones.
        var coreLanguage = language != AppealLanguage.Mixed ? language : rng.Chance(0.3) ? AppealLanguage.Kk : AppealLanguage.Ru;
        var frame = language != AppealLanguage.Mixed ? main : coreLanguage == AppealLanguage.Kk ? Russian : Kazakh;

        var shape = rng.NextDouble();
        if (type.IsInformation && shape < 0.45)
        {
            WriteQuestion(type, coreLanguage, frame, main, rng);
        }
        else if (byOperator && language == AppealLanguage.Ru && shape < 0.5)
        {
            WriteOperatorNote(type, address, rng);
        }
        else if (shape < 0.35)
        {
            // A terse message, as most are (real appeals' median is under 50 characters): the problem and maybe the address.
            WriteCore(type, coreLanguage, rng, withTime: false);
            if (address is not null && rng.Chance(0.5))
            {
                _sb.Append(' ').Append(address);
            }
            if (frame != main)
            {
                AppendSentence(rng.Pick(frame.Requests), rng, flat);
            }
        }
        else
        {
            WriteMessage(type, language, coreLanguage, frame, main, address, flat, rng, recurring, @long: shape > 0.8);
        }

        if (_sb.Length < 16)
        {
            // "Учения?" says too little even for a resident: they add a request.
            AppendSentence(rng.Pick(frame.Requests), rng, flat);
        }
        if (second is not null)
        {
            if (_sb.Length > 0 && !char.IsPunctuation(_sb[^1]))
            {
                _sb.Append('.');
            }
            // Run-on complaints often just go on: "..., и еще во дворе свет не горит".
            if (language != AppealLanguage.En && rng.Chance(0.5))
            {
                _sb.Length--;
                _sb.Append(coreLanguage == AppealLanguage.Kk ? ", тағы " : rng.Pick(RunOns));
                WriteCore(second, coreLanguage == AppealLanguage.Kk ? AppealLanguage.Kk : AppealLanguage.Ru, rng, withTime: false, lowerFirst: true);
            }
            else
            {
                _sb.Append(' ').Append(main.Also).Append(' ');
                WriteCore(second, coreLanguage == AppealLanguage.Kk ? AppealLanguage.Kk : language == AppealLanguage.En ? AppealLanguage.En : AppealLanguage.Ru, rng, withTime: false);
            }
            _sb.Append('.');
        }
        AddNoise(language, rng);
        if (_sb.Length > MaxLength)
        {
            var cut = _sb.ToString(0, MaxLength).LastIndexOf(' ');
            _sb.Length = cut > 0 ? cut : MaxLength;
        }
        return _sb.ToString();
    }

    private void WriteMessage(ServiceType type, AppealLanguage language, AppealLanguage coreLanguage, Phrases frame, Phrases main,
        string? address, int flat, Random rng, bool recurring, bool @long)
    {
        AppendSentence(rng.Pick(frame.Greetings), rng, flat);
        if (@long)
        {
            AppendSentence(rng.Pick(main.Intros), rng, flat);
        }
        if (recurring && rng.Chance(0.5))
        {
            Space().Append(rng.Pick(coreLanguage == AppealLanguage.Kk ? Kazakh.Again : coreLanguage == AppealLanguage.En ? English.Again : Russian.Again)).Append(' ');
            WriteCore(type, coreLanguage, rng, withTime: rng.Chance(0.4), lowerFirst: true);
        }
        else
        {
            Space();
            if (coreLanguage == AppealLanguage.Ru && !type.IsInformation && rng.Chance(0.25))
            {
                _sb.Append("У нас ");
                WriteCore(type, coreLanguage, rng, withTime: rng.Chance(0.6), lowerFirst: true);
            }
            else
            {
                WriteCore(type, coreLanguage, rng, withTime: rng.Chance(0.6));
            }
        }
        if (address is not null && rng.Chance(0.85))
        {
            var labels = coreLanguage == AppealLanguage.Kk ? Kazakh : coreLanguage == AppealLanguage.En ? English : Russian;
            switch (rng.Next(3))
            {
                case 0: _sb.Append(" (").Append(address).Append(")."); break;
                case 1: _sb.Append(". ").Append(labels.AddressLabel).Append(' ').Append(address).Append('.'); break;
                default: _sb.Append(", ").Append(address).Append('.'); break;
            }
        }
        else
        {
            _sb.Append(rng.Chance(0.7) ? "." : "!");
        }
        // Some residents tell the whole story: up to eight complaints in one message.
        var extras = Math.Min(main.Extras.Length, @long ? 1 + rng.Next(rng.Chance(0.3) ? 8 : 3) : rng.Chance(0.35) ? 1 : 0);
        // Consecutive complaints from a random start, so that none is repeated.
        var first = rng.Next(main.Extras.Length);
        for (var i = 0; i < extras; i++)
        {
            AppendSentence(main.Extras[(first + i) % main.Extras.Length], rng, flat);
        }
        AppendSentence(rng.Pick(frame.Requests), rng, flat);
        if (rng.Chance(@long ? 0.5 : 0.2))
        {
            AppendSentence(rng.Pick(main.Contacts), rng, flat);
        }
        if (@long && rng.Chance(0.4))
        {
            AppendSentence(rng.Pick(main.Signatures), rng, flat);
        }
    }

    private void WriteQuestion(ServiceType type, AppealLanguage coreLanguage, Phrases frame, Phrases main, Random rng)
    {
        if (rng.Chance(0.5))
        {
            AppendSentence(rng.Pick(frame.Greetings), rng, 0);
            Space();
        }
        var template = rng.Pick(coreLanguage == AppealLanguage.Kk ? Kazakh.Questions : coreLanguage == AppealLanguage.En ? English.Questions : Russian.Questions);
        var at = template.IndexOf("{core}", StringComparison.Ordinal);
        _sb.Append(template, 0, at);
        WriteCore(type, coreLanguage, rng, withTime: false, lowerFirst: at > 0);
        _sb.Append(template, at + 6, template.Length - at - 6);
        if (frame != main || rng.Chance(0.3))
        {
            AppendSentence(rng.Pick(frame.Requests), rng, 0);
        }
    }

    private void WriteOperatorNote(ServiceType type, string? address, Random rng)
    {
        _sb.Append(rng.Pick(OperatorStarts)).Append(' ');
        WriteCore(type, AppealLanguage.Ru, rng, withTime: rng.Chance(0.5), lowerFirst: true);
        if (address is not null)
        {
            _sb.Append(", адрес: ").Append(address);
        }
        _sb.Append('.');
        AppendSentence(rng.Pick(OperatorEnds), rng, 0);
    }

    /// <summary>Russian and English word order: the predicate, then the object, then the time ("No heating in the flat since Monday"), or the place first.</summary>
    private void AppendPredicateFirst(ServiceType type, string[] stems, string lang, string obj, string[]? times, Random rng)
    {
        // A quarter of the residents start with the place: "В квартире нет отопления".
        if (obj.Length > 0 && rng.Chance(0.25))
        {
            _sb.Append(obj).Append(' ').Append(PickStem(type, stems, lang, rng));
        }
        else
        {
            _sb.Append(PickStem(type, stems, lang, rng));
            if (obj.Length > 0)
            {
                _sb.Append(' ').Append(obj);
            }
        }
        if (times is not null)
        {
            _sb.Append(' ');
            AppendTemplate(rng.Pick(times), rng, 0);
        }
    }

    /// <summary>
    /// The problem itself: a resident's own phrase for it (<see cref="ResidentPhrases"/>: symptoms, slang, no key word),
    /// or a variant of the catalogue's stem with the object and maybe a time. The main topic's phrasing id is kept in
    /// <see cref="Phrasing"/>.
    /// </summary>
    private void WriteCore(ServiceType type, AppealLanguage language, Random rng, bool withTime, bool lowerFirst = false)
    {
        var start = _sb.Length;
        // "When will the heating be turned on for three days now" makes no sense: questions have no time.
        withTime &= !type.IsInformation;
        // Residents often leave out where the trouble is ("Нет отопления!"): the type is then a guess for anyone.
        var withObject = !rng.Chance(0.1);
        var lang = Code(language);
        if (language != AppealLanguage.En && ResidentPhrases.ByProblem.TryGetValue(type.ProblemCode, out var own))
        {
            var phrases = language == AppealLanguage.Kk ? own.Kk : own.Ru;
            // Most residents describe what they see; the catalogue's words come from the rest (and from operators).
            if (phrases.Length > 0 && rng.Chance(ResidentShare))
            {
                var i = rng.Next(phrases.Length);
                SetPhrasing(type, lang, 'r', i);
                WriteOwnPhrase(phrases[i], language == AppealLanguage.Kk ? type.ObjectKk : type.ObjectRu, withObject, rng);
                if (!lowerFirst && _sb.Length > start) _sb[start] = char.ToUpperInvariant(_sb[start]);
                return;
            }
        }
        switch (language)
        {
            case AppealLanguage.Kk:
                // Kazakh puts the time and the place before the predicate: "3 күннен бері пәтерде жылу жоқ".
                if (withTime)
                {
                    AppendTemplate(rng.Pick(Kazakh.Times), rng, 0).Append(' ');
                }
                if (withObject && type.ObjectKk.Length > 0)
                {
                    _sb.Append(type.ObjectKk).Append(' ');
                }
                _sb.Append(PickStem(type, type.StemKk, lang, rng));
                break;
            case AppealLanguage.En:
                AppendPredicateFirst(type, type.StemEn, lang, withObject ? type.ObjectEn : "", withTime ? English.Times : null, rng);
                break;
            default:
                AppendPredicateFirst(type, type.StemRu, lang, withObject ? type.ObjectRu : "", withTime ? Russian.Times : null, rng);
                break;
        }
        if (!lowerFirst && _sb.Length > start)
        {
            _sb[start] = char.ToUpperInvariant(_sb[start]);
        }
    }

    /// <summary>A stem variant of the catalogue; its index is the phrasing.</summary>
    private string PickStem(ServiceType type, string[] stems, string lang, Random rng)
    {
        var i = rng.Next(stems.Length);
        SetPhrasing(type, lang, 's', i);
        return stems[i];
    }

    /// <summary>The first topic written is the appeal's: "heating.no_heat/ru/r3" (a resident's phrase) or ".../s1" (a stem).</summary>
    private void SetPhrasing(ServiceType type, string lang, char kind, int index)
    {
        if (Phrasing.Length == 0) Phrasing = string.Create(CultureInfo.InvariantCulture, $"{type.ProblemCode}/{lang}/{kind}{index}");
    }

    /// <summary>A resident's phrase with the object where "{o}" is, or after it (sometimes), or without it.</summary>
    private void WriteOwnPhrase(string phrase, string obj, bool withObject, Random rng)
    {
        var at = phrase.IndexOf("{o}", StringComparison.Ordinal);
        if (at < 0)
        {
            _sb.Append(phrase);
            if (withObject && obj.Length > 0 && rng.Chance(0.4)) _sb.Append(' ').Append(obj);
            return;
        }
        var before = phrase.AsSpan(0, at);
        var after = phrase.AsSpan(at + 3).TrimStart();
        _sb.Append(before);
        if (withObject && obj.Length > 0)
        {
            _sb.Append(obj);
            if (after.Length > 0 && _sb.Length > 0 && _sb[^1] != ' ') _sb.Append(' ');
        }
        _sb.Append(after);
    }

    private void AppendSentence(string template, Random rng, int flat)
    {
        if (template.Length == 0)
        {
            return;
        }
        Space();
        AppendTemplate(template, rng, flat);
    }

    private StringBuilder Space()
    {
        if (_sb.Length > 0 && _sb[^1] != ' ')
        {
            _sb.Append(' ');
        }
        return _sb;
    }

    /// <summary>Appends a fragment, filling {n}, {h}, {flat}, {phone} and {name}.</summary>
    private StringBuilder AppendTemplate(string template, Random rng, int flat)
    {
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                _sb.Append(template, i, template.Length - i);
                break;
            }
            _sb.Append(template, i, open - i);
            var close = template.IndexOf('}', open);
            switch (template.AsSpan(open + 1, close - open - 1))
            {
                case "n": _sb.Append(2 + rng.Next(3)); break;
                case "n5": _sb.Append(5 + rng.Next(5)); break;
                case "h": _sb.Append(5 + rng.Next(15)); break;
                case "flat": _sb.Append(flat > 0 ? flat : 1 + rng.Next(180)); break;
                case "name": _sb.Append(rng.Pick(FirstNames)); break;
                case "phone": AppendPhone(rng); break;
            }
            i = close + 1;
        }
        return _sb;
    }

    private void AppendPhone(Random rng)
    {
        // Kazakhstan mobile numbers: +7 70x/747/77x, written in several ways.
        var op = rng.Pick(PhonePrefixes);
        var a = rng.Next(100, 1000);
        var b = rng.Next(10, 100);
        var c = rng.Next(10, 100);
        switch (rng.Next(3))
        {
            case 0: _sb.Append("+7 ").Append(op).Append(' ').Append(a).Append(' ').Append(b).Append(' ').Append(c); break;
            case 1: _sb.Append("8 (").Append(op).Append(") ").Append(a).Append('-').Append(b).Append('-').Append(c); break;
            default: _sb.Append('8').Append(op).Append(a).Append(b).Append(c); break;
        }
    }

    private static readonly string[] PhonePrefixes = ["701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778"];

    /// <summary>The noise of real messages: Latin transliteration, lower case, typos.</summary>
    private void AddNoise(AppealLanguage language, Random rng)
    {
        if (language == AppealLanguage.Ru && rng.Chance(0.06))
        {
            Transliterate();
        }
        if (rng.Chance(0.25))
        {
            // Typed on a phone: all lower case, often without the final full stop.
            if (_sb.Length > 1 && _sb[^1] == '.' && rng.Chance(0.5)) _sb.Length--;
            for (var i = 0; i < _sb.Length; i++)
            {
                _sb[i] = char.ToLowerInvariant(_sb[i]);
            }
        }
        if (rng.Chance(0.2))
        {
            var typos = 1 + rng.Next(3);
            for (var t = 0; t < typos && _sb.Length > 4; t++)
            {
                var at = 1 + rng.Next(_sb.Length - 2);
                switch (rng.Next(3))
                {
                    case 0: (_sb[at], _sb[at + 1]) = (_sb[at + 1], _sb[at]); break;  // swapped letters
                    case 1: _sb.Remove(at, 1); break;                               // a dropped letter
                    default: _sb.Insert(at, _sb[at]); break;                        // a doubled letter
                }
            }
        }
    }

    private void Transliterate()
    {
        _tmp.Clear();
        AppendLatin(_tmp, _sb);
        _sb.Clear().Append(_tmp);
    }

    /// <summary>Cyrillic (Russian and Kazakh) written in Latin letters, as people type without a Cyrillic keyboard.</summary>
    public static string ToLatin(string text)
    {
        var latin = new StringBuilder(text.Length + 8);
        AppendLatin(latin, new StringBuilder(text));
        return latin.ToString();
    }

    private static void AppendLatin(StringBuilder target, StringBuilder source)
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            var upper = char.IsUpper(c);
            var lower = char.ToLowerInvariant(c);
            var latin = lower < LatinLetters.Length ? LatinLetters[lower] : null;
            if (latin is null)
            {
                target.Append(c);
            }
            else if (upper && latin.Length > 0)
            {
                target.Append(char.ToUpperInvariant(latin[0])).Append(latin, 1, latin.Length - 1);
            }
            else
            {
                target.Append(latin);
            }
        }
    }

    private static string[] BuildTranslit()
    {
        var table = new string[0x4F0];
        const string from = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі";
        string[] to =
        [
            "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "sch",
            "", "y", "", "e", "yu", "ya", "a", "g", "k", "n", "o", "u", "u", "h", "i",
        ];
        for (var i = 0; i < from.Length; i++)
        {
            table[from[i]] = to[i];
        }
        return table;
    }
}
