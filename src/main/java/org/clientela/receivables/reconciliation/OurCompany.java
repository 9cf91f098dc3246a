package org.clientela.receivables.reconciliation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Our side of the documents we send to clients (the reconciliation statement, a letter about a
 * debt): the company's name with its legal form, its numbers and who signs. The defaults are the
 * demo glass-unit factory; a real installation sets {@code clientela.company.*}.
 *
 * @param signatoryPosition who signs a reconciliation statement, e.g. the chief accountant
 * @param signatoryName     their surname and initials
 * @param directorPosition  who signs a claim letter: the head of the company
 * @param directorName      their surname and initials
 */
@ConfigurationProperties("clientela.company")
public record OurCompany(
        @DefaultValue("ООО «СтеклоПрофи»") String name,
        @DefaultValue("5050123455") String inn,
        @DefaultValue("505001001") String kpp,
        @DefaultValue("141100, Московская обл., г. Щёлково, ул. Заводская, д. 12") String address,
        @DefaultValue("+7 (496) 250-12-34") String phone,
        @DefaultValue("Главный бухгалтер") String signatoryPosition,
        @DefaultValue("Васильева О. Н.") String signatoryName,
        @DefaultValue("Генеральный директор") String directorPosition,
        @DefaultValue("Соколов А. В.") String directorName) {
}
