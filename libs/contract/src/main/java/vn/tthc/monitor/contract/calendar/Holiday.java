package vn.tthc.monitor.contract.calendar;

import java.util.Arrays;
import java.util.Locale;

/**
 * The public holidays of Bộ luật Lao động 2019, Article 112(1) (ngày nghỉ lễ, Tết), with the key a
 * holiday year file names them by.
 */
public enum Holiday {
    /** 1 day: 1 January. */
    NEW_YEAR("newYear", "Tết Dương lịch"),
    /** 5 days around mùng 1 tháng Giêng; the Prime Minister fixes which (1 or 2 days before Tết). */
    LUNAR_NEW_YEAR("lunarNewYear", "Tết Nguyên đán"),
    /** 1 day: 10 tháng 3 âm lịch. */
    HUNG_KINGS("hungKings", "Giỗ Tổ Hùng Vương"),
    /** 1 day: 30 April. */
    REUNIFICATION_DAY("reunificationDay", "Ngày Chiến thắng"),
    /** 1 day: 1 May. */
    LABOUR_DAY("labourDay", "Ngày Quốc tế Lao động"),
    /** 2 days: 2 September and the day before or after it. */
    NATIONAL_DAY("nationalDay", "Quốc khánh");

    private final String key;
    private final String vietnameseName;

    Holiday(final String key, final String vietnameseName) {
        this.key = key;
        this.vietnameseName = vietnameseName;
    }

    public String key() {
        return key;
    }

    public String vietnameseName() {
        return vietnameseName;
    }

    public static Holiday fromKey(final String key) {
        return Arrays.stream(values()).filter(holiday -> holiday.key.equals(key)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown holiday '" + key + "'; expected one of "
                + Arrays.stream(values()).map(Holiday::key).toList()));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT) + " (" + vietnameseName + ")";
    }
}
