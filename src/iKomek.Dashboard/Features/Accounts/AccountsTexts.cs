using IKomek.Dashboard.Platform.Localization;
namespace IKomek.Dashboard.Features.Accounts;

[UiTexts]
internal static class AccountsTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["account.signIn"] = new("Войти", "Кіру", "Sign in"),
        ["account.signOut"] = new("Выйти", "Шығу", "Sign out"),
        ["account.title"] = new("Вход в панель", "Панельге кіру", "Sign in to the panel"),
        ["account.lead"] = new("Смотреть панель можно без входа. Вход нужен, чтобы работать с обращениями и проблемами, проверять темы и администрировать.",
            "Панельді кірмей-ақ көруге болады. Өтініштермен және мәселелермен жұмыс істеу, тақырыптарды тексеру және әкімшілік ету үшін кіру қажет.",
            "Anyone can view the panel. Sign in to work on appeals and problems, review topics and administer."),
        ["account.login"] = new("Логин", "Логин", "Login"),
        ["account.password"] = new("Пароль", "Құпиясөз", "Password"),
        ["account.needLogin"] = new("Введите логин", "Логинді енгізіңіз", "Enter your login"),
        ["account.needPassword"] = new("Введите пароль", "Құпиясөзді енгізіңіз", "Enter your password"),
        ["account.wrong"] = new("Неверный логин или пароль", "Логин немесе құпиясөз қате", "Wrong login or password"),
        ["account.throttled"] = new("Слишком много неудачных попыток входа. Попробуйте снова через {0} мин.",
            "Кіру әрекеттері тым көп рет сәтсіз болды. {0} минуттан кейін қайталаңыз.", "Too many failed sign-in attempts. Try again in {0} min."),
        ["account.disabled"] = new("Учётная запись отключена. Обратитесь к администратору.", "Тіркелгі өшірілген. Әкімшіге хабарласыңыз.",
            "This account is disabled. Ask an administrator."),
        ["account.signedInAs"] = new("Сейчас вы вошли как {0} ({1}).", "Қазір сіз {0} ({1}) ретінде кірдіңіз.", "You are signed in as {0} ({1})."),
        ["account.continue"] = new("Продолжить без входа", "Кірмей жалғастыру", "Continue without signing in"),
        ["account.roles"] = new("Администратор — задания, праздничные дни, импорт CSV. Аналитик — системные проблемы и проверка тем. Оператор — действия с обращениями (их могут и аналитик, и администратор).",
            "Әкімші — тапсырмалар, мереке күндері, CSV импорты. Талдаушы — жүйелі мәселелер және тақырыптарды тексеру. Оператор — өтініштермен әрекеттер (оларды талдаушы мен әкімші де орындай алады).",
            "Administrator: jobs, holidays, CSV import. Analyst: systemic problems and the topic review. Operator: actions on appeals (analysts and administrators may too)."),
        ["role.admin"] = new("Администратор", "Әкімші", "Administrator"),
        ["role.analyst"] = new("Аналитик", "Талдаушы", "Analyst"),
        ["role.operator"] = new("Оператор", "Оператор", "Operator"),
        ["access.RunJobs"] = new("Запускать задания вручную может администратор.", "Тапсырмаларды қолмен іске қосуды әкімші жасай алады.",
            "Running jobs by hand is for administrators."),
        ["access.EditHolidays"] = new("Праздничные дни изменяет администратор.", "Мереке күндерін әкімші өзгертеді.",
            "Holidays are edited by administrators."),
        ["access.ImportAppeals"] = new("Загружать обращения из CSV может администратор.", "CSV файлынан өтініштерді әкімші жүктей алады.",
            "Importing appeals from CSV is for administrators."),
        ["access.WorkOnProblems"] = new("С проблемой работают аналитики и администраторы.", "Мәселемен талдаушылар мен әкімшілер жұмыс істейді.",
            "Analysts and administrators work on problems."),
        ["access.ReviewTopics"] = new("Подтверждать и исправлять темы могут аналитики и администраторы.", "Тақырыптарды талдаушылар мен әкімшілер растай және түзете алады.",
            "Analysts and administrators confirm and correct topics."),
        ["access.SeeAccounts"] = new("Учётные записи видит администратор.", "Есептік жазбаларды әкімші көреді.",
            "Accounts are shown to administrators."),
        ["access.WorkOnAppeals"] = new("Действия с обращением доступны операторам, аналитикам и администраторам.",
            "Өтінішпен әрекеттер операторларға, талдаушыларға және әкімшілерге қолжетімді.",
            "Operators, analysts and administrators act on appeals."),
        ["access.yourRole"] = new("Ваша роль: {0}.", "Сіздің рөліңіз: {0}.", "Your role: {0}."),
        ["access.otherAccount"] = new("Войти под другой учётной записью", "Басқа тіркелгімен кіру", "Sign in as someone else"),
        ["access.denied"] = new("Недостаточно прав для этого действия", "Бұл әрекетке құқығыңыз жеткіліксіз", "Your role cannot do this"),
    };
}
