package vn.tthc.monitor.contract.calendar;

/**
 * A date of the lunisolar calendar (âm lịch): {@code year} is the solar year in which the lunar year
 * begins (Tết), {@code month} 1..12, {@code day} 1..30, {@code leapMonth} for the repeated month (tháng nhuận).
 */
public record LunarDate(int year, int month, int day, boolean leapMonth) {

    public LunarDate {
        if (month < 1 || month > 12 || day < 1 || day > 30) {
            throw new IllegalArgumentException("no such lunar date: " + day + "/" + month + "/" + year);
        }
    }

    /** A date in an ordinary (not leap) month. */
    public static LunarDate of(final int year, final int month, final int day) {
        return new LunarDate(year, month, day, false);
    }

    @Override
    public String toString() {
        return day + "/" + month + (leapMonth ? " nhuận" : "") + "/" + year + " âm lịch";
    }
}
