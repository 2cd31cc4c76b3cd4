-- A meeting scheduled or marked held changes the meeting pages of every node, as an agenda item does (0033).
CREATE TRIGGER akimat_meetings_changed AFTER INSERT OR UPDATE OR DELETE ON akimat_meetings
    FOR EACH STATEMENT EXECUTE FUNCTION record_table_change('projects');
