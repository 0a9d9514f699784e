-- Issue 11 (item 1): DEMO DATA, not taken from any legal instrument. One demo procedure grants an online fee
-- discount so that the public procedure page and the payment request show one: "Đăng ký thành lập hộ kinh doanh"
-- (an illustrative entry of the seed, fee 100 000 đồng) takes 50% off when the dossier is submitted and paid online.
-- A real deployment takes discounts from the province's own decision through the catalogue, never from this file.
-- No fee item gets a legal basis here: the seed's sources (../shared/data) name none, so they stay empty.
UPDATE procedure_version SET online_fee_discount_percent = 50 WHERE code = '2.000720' AND version = 1;
